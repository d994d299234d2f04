//! Reading a bundle file for a command, with every problem worded for the person who made it.

use lens_core::Template;
use lens_store::bundle::{parse_bundle, Bundle};
use lens_store::template_document::builtin_templates;

/// The bundle at `path`, or one line per problem.
pub fn load_bundle(path: &str) -> Result<Bundle, Vec<String>> {
    let text = crate::text_file::read_text(path).map_err(|message| vec![message])?;
    parse_bundle(&text).map_err(|problems| {
        let mut lines = vec![format!("{path} is not a bundle this version can read; nothing was done:")];
        lines.extend(problems.iter().map(|problem| format!("  {problem}")));
        lines
    })
}

/// The bundle's templates, then every built-in template the bundle does not carry.
pub fn templates_for(bundle: &Bundle) -> Vec<Template> {
    let mut templates = bundle.templates.clone();
    for builtin in builtin_templates() {
        if !templates.iter().any(|template| template.reference() == builtin.reference()) {
            templates.push(builtin);
        }
    }
    templates
}

/// Writes a file only if it does not exist yet, so an export never overwrites work. The
/// contents go to a temporary file in the same folder first, which takes the name only once it
/// is complete and flushed: a full disk or a crash leaves no partial file under that name, and
/// a retry is not refused with "File exists".
pub fn write_new_file(path: &std::path::Path, contents: &str) -> Result<(), String> {
    write_new_files(&[(path.to_path_buf(), contents)])
}

/// Writes several new files, all or none: if any cannot be written, none is left.
pub fn write_new_files(files: &[(std::path::PathBuf, &str)]) -> Result<(), String> {
    let mut staged = Vec::new();
    for (path, contents) in files {
        if path.exists() {
            remove_all(&staged);
            return Err(format!("{} already exists; move it or choose another name", path.display()));
        }
        match stage(path, contents) {
            Ok(temporary) => staged.push(temporary),
            Err(message) => {
                remove_all(&staged);
                return Err(message);
            }
        }
    }
    let mut placed: Vec<std::path::PathBuf> = Vec::new();
    for ((path, _), temporary) in files.iter().zip(&staged) {
        // A hard link refuses an existing name, so nothing written meanwhile is replaced.
        if let Err(error) = std::fs::hard_link(temporary, path) {
            let message = match error.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    format!("{} already exists; move it or choose another name", path.display())
                }
                _ => format!("cannot create {}: {}", path.display(), io_words(&error)),
            };
            remove_all(&staged);
            remove_all(&placed);
            return Err(message);
        }
        placed.push(path.clone());
    }
    remove_all(&staged);
    Ok(())
}

/// Writes `contents` whole to a new temporary file beside `path`, flushed to disk.
fn stage(path: &std::path::Path, contents: &str) -> Result<std::path::PathBuf, String> {
    use std::io::Write;
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(contents.as_bytes()).and_then(|()| file.sync_all()));
    match written {
        Ok(()) => Ok(temporary),
        Err(error) => {
            let _ = std::fs::remove_file(&temporary);
            Err(format!("cannot write {}: {}", path.display(), io_words(&error)))
        }
    }
}

fn remove_all(paths: &[std::path::PathBuf]) {
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

/// An input/output error in words a person can act on.
fn io_words(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::StorageFull => {
            "the disk is full; free some space and run the command again".to_owned()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; choose a folder you can write to".to_owned()
        }
        std::io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        _ => error.to_string(),
    }
}
