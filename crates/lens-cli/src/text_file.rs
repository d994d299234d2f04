//! Reading an input file as text, the same way for every command: its size checked before it
//! is read, a UTF-8 byte order mark dropped, and text that is not UTF-8 reported with where it
//! goes wrong and how to fix it (a spreadsheet's "CSV" is often Windows-1252).

/// The largest input any command reads; a bundle is limited to the same 64 MiB.
pub const MAX_INPUT_BYTES: u64 = lens_store::bundle::MAX_BUNDLE_BYTES as u64;

const BOM: char = '\u{FEFF}';

/// The text of the file at `path`, or a sentence saying why it cannot be read.
pub fn read_text(path: &str) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|error| format!("cannot read {path}: {error}"))?.len();
    if size > MAX_INPUT_BYTES {
        return Err(format!(
            "{path} is {} MiB; an input file may be at most {} MiB. Split it or export fewer audits at a time",
            size.div_ceil(1 << 20),
            MAX_INPUT_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    let text =
        String::from_utf8(bytes).map_err(|error| not_utf8(path, error.as_bytes(), error.utf8_error()))?;
    Ok(match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

fn not_utf8(path: &str, bytes: &[u8], error: std::str::Utf8Error) -> String {
    let at = error.valid_up_to();
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|byte| **byte == b'\n').count();
    let column = 1 + String::from_utf8_lossy(
        &before[before.iter().rposition(|byte| *byte == b'\n').map_or(0, |i| i + 1)..],
    )
    .chars()
    .count();
    format!(
        "{path} is not UTF-8 text: line {line}, character {column} is byte 0x{:02X}, which UTF-8 does not allow there. If the file was saved from Excel, save it again as \"CSV UTF-8 (Comma delimited)\"",
        bytes[at]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, contents: &[u8]) -> String {
        let path = std::env::temp_dir().join(format!("lens-text-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        path.to_string_lossy().into_owned()
    }

    #[test]
    fn windows_1252_text_is_refused_with_its_line_character_and_a_fix() {
        // "Café" with é as Windows-1252 writes it, on the second line.
        let path = file("cp1252.csv", b"audit_id,narrative\r\na1,Caf\xe9 visit\r\n");
        let message = read_text(&path).unwrap_err();
        assert!(message.contains("line 2, character 7 is byte 0xE9"), "{message}");
        assert!(message.contains("CSV UTF-8"), "{message}");
    }

    #[test]
    fn a_byte_order_mark_is_dropped_the_same_way_for_every_command() {
        let path = file("bom.json", "\u{FEFF}{\"a\": 1}".as_bytes());
        assert_eq!(read_text(&path).unwrap(), "{\"a\": 1}");
    }
}
