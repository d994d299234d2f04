//! A council's own templates kept on the device. Each version is one record holding its
//! template document, so an audit pinned to it still opens after the page's configuration
//! names a newer version or none at all.

use chrono::{DateTime, Utc};
use lens_core::{find_template, Template, TemplateProblem, TemplateRef};

use crate::bundle::Bundle;
use crate::error::StoreError;
use crate::latest::not_newer;
use crate::record::{Expected, RecordKey, RecordKind, RecordWrite, StoredRecord};
use crate::store::Store;
use crate::template_document::{builtin_templates, parse_template, write_template, FORMAT_VERSION};

/// What checking a council's template document found.
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateCheck {
    /// A template this device does not have yet: it can be kept.
    New(Template),
    /// The very same template version is on this device already.
    AlreadyHeld(Template),
}

/// The key of one template version's record.
pub fn template_key(reference: &TemplateRef) -> RecordKey {
    RecordKey::new(RecordKind::Template, format!("{}@{}", reference.id, reference.version))
}

/// Checks `text` as a council's template next to the templates this device has (built-in and
/// kept). Every problem in the document is listed; a template may not take a built-in
/// template's id, nor change a version already here, because audits pinned to that version
/// must keep reading it as it was.
pub fn check_council_template(text: &str, held: &[Template]) -> Result<TemplateCheck, Vec<TemplateProblem>> {
    let template = parse_template(text)?;
    if builtin_templates().iter().any(|builtin| builtin.id == template.id) {
        return Err(vec![TemplateProblem {
            path: "id".into(),
            message: format!(
                "\"{}\" is the id of a template Practice Lens provides. Give your council's template its own id, such as \"council-{}\"",
                template.id, template.id
            ),
        }]);
    }
    match find_template(held, &template.reference()) {
        None => Ok(TemplateCheck::New(template)),
        Some(same) if *same == template => Ok(TemplateCheck::AlreadyHeld(template)),
        Some(_) => Err(vec![TemplateProblem {
            path: "version".into(),
            message: format!(
                "{} of \"{}\" is already on this device and differs from this document. Audits made with it keep it as it is: give the changed template version {}",
                template.version,
                template.id,
                newest_version(held, &template.id) + 1
            ),
        }]),
    }
}

fn newest_version(templates: &[Template], id: &str) -> u32 {
    templates.iter().filter(|template| template.id == id).map(|template| template.version).max().unwrap_or(0)
}

/// The write that keeps `template` on the device. It never replaces a kept version.
pub fn template_write(template: &Template, now: DateTime<Utc>) -> RecordWrite {
    RecordWrite {
        key: template_key(&template.reference()),
        expected: Expected::New,
        schema_version: FORMAT_VERSION,
        updated_at: now,
        body: write_template(template),
        carried: None,
    }
}

/// Keeps `template` on the device. A version already kept (by another tab, say) is left as it is.
pub async fn save_council_template(
    store: &dyn Store,
    template: &Template,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    match store.put(template_write(template, now)).await {
        Ok(_) | Err(StoreError::Conflict { .. }) => Ok(()),
        Err(error) => Err(error),
    }
}

fn decode(record: &StoredRecord) -> Result<Template, StoreError> {
    not_newer(FORMAT_VERSION)(record)?;
    parse_template(&record.body).map_err(|problems| StoreError::Corrupt {
        key: record.key.clone(),
        reason: problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
    })
}

/// The council templates kept on this device, ordered by id and version, with a problem for
/// each that could not be read.
pub async fn list_council_templates(
    store: &dyn Store,
) -> Result<(Vec<Template>, Vec<StoreError>), StoreError> {
    let mut templates = Vec::new();
    let mut problems = Vec::new();
    for record in store.list(RecordKind::Template).await? {
        match decode(&record) {
            Ok(template) => templates.push(template),
            Err(problem) => problems.push(problem),
        }
    }
    templates.sort_by(|a, b| (&a.id, a.version).cmp(&(&b.id, b.version)));
    Ok((templates, problems))
}

/// The council templates `bundles` carry that this device does not have: each is kept with the
/// import, so the audits made with it can come in. One whose version is here already with other
/// content is not carried (the audits then open with this device's copy).
pub fn carried_templates<'a>(
    bundles: impl IntoIterator<Item = &'a Bundle>,
    held: &[Template],
) -> Vec<Template> {
    let mut carried: Vec<Template> = Vec::new();
    let builtin = builtin_templates();
    for template in bundles.into_iter().flat_map(|bundle| &bundle.templates) {
        let reference = template.reference();
        let known = builtin.iter().any(|builtin| builtin.id == template.id)
            || find_template(held, &reference).is_some()
            || find_template(&carried, &reference).is_some();
        if !known {
            carried.push(template.clone());
        }
    }
    carried
}

/// The built-in templates followed by the council's kept ones: everything audits here may use.
pub fn device_templates(council: &[Template]) -> Vec<Template> {
    let mut templates = builtin_templates();
    templates.extend(council.iter().cloned());
    templates
}

/// Every template this device can open audits with, read from `store`. A kept template that
/// cannot be read is left out: its audits say their template is missing.
pub async fn read_device_templates(store: &dyn Store) -> Vec<Template> {
    let council = list_council_templates(store).await.map(|(templates, _)| templates).unwrap_or_default();
    device_templates(&council)
}

#[cfg(test)]
mod tests;
