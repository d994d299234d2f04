//! The preview of an import: what each file and each person's records would do, every
//! conflict side by side with its choice, and every refusal with its reason.

use lens_analysis::protocol::import::{
    ConflictView, ImportChoice, ImportPreview, ImportTally, ImportedRecord,
};
use yew::prelude::*;

use super::state::Choices;
use crate::components::pagination::with_commas;
use crate::components::scroll_table::scroll_table;

/// Refusals listed in full up to this many; beyond it the rest are counted.
const REFUSALS_SHOWN: usize = 100;

fn tally_cells(tally: &ImportTally) -> Html {
    html! {
        <>
            <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(tally.new) }</td>
            <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(tally.updated) }</td>
            <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(tally.unchanged) }</td>
            <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(tally.conflicts) }</td>
            <td class="lens-table__cell lens-table__cell--numeric">{ with_commas(tally.refused) }</td>
        </>
    }
}

fn tally_table(id: &str, caption: &str, first: &str, rows: Vec<(String, ImportTally)>) -> Html {
    let rows = rows.into_iter().map(|(name, tally)| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ name }</th>
                { tally_cells(&tally) }
            </tr>
        }
    });
    let table = html! {
        <table class="lens-table">
            <caption class="lens-table__caption lens-heading-s" id={id.to_owned()}>{ caption }</caption>
            <thead>
                <tr class="lens-table__row">
                    <th scope="col" class="lens-table__header">{ first }</th>
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "New" }</th>
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Updated" }</th>
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Unchanged" }</th>
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "In conflict" }</th>
                    <th scope="col" class="lens-table__header lens-table__header--numeric">{ "Refused" }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    };
    scroll_table(id, table)
}

/// The counts by file and by person, and each refused file's problems.
pub(super) fn summary(preview: &ImportPreview) -> Html {
    let by_file = preview.files.iter().map(|file| (file.name.clone(), file.tally)).collect();
    let by_person = preview.people.iter().map(|person| (person.name.clone(), person.tally)).collect();
    let refused_files = preview.files.iter().filter(|file| !file.problems.is_empty()).map(|file| {
        html! {
            <div class="lens-notification lens-notification--error">
                <h4 class="lens-heading-s">{ format!("{} cannot be read, so none of it will be imported", file.name) }</h4>
                <ul class="lens-list lens-list--bullet">
                    { for file.problems.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }
                </ul>
            </div>
        }
    });
    html! {
        <>
            { for refused_files }
            { tally_table("lens-import-by-file", "What each file would do", "File", by_file) }
            { tally_table("lens-import-by-person", "Whose records they are", "Auditor or moderator", by_person) }
            if !preview.templates.is_empty() {
                <h4 class="lens-heading-s" id="lens-import-templates">{ "Council templates these files bring" }</h4>
                <p class="lens-body">{ "The audits were made with templates this device does not have yet. They are kept with the import and can then be used here too:" }</p>
                <ul class="lens-list lens-list--bullet" aria-labelledby="lens-import-templates">
                    { for preview.templates.iter().map(|title| html! { <li>{ title.clone() }</li> }) }
                </ul>
            }
        </>
    }
}

/// Every refused record with its reason.
pub(super) fn refusals(preview: &ImportPreview) -> Html {
    if preview.refusals.is_empty() {
        return html! {};
    }
    let rows = preview.refusals.iter().take(REFUSALS_SHOWN).map(|refusal| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ refusal.title.clone() }</th>
                <td class="lens-table__cell">{ refusal.file.clone() }</td>
                <td class="lens-table__cell">{ refusal.reason.clone() }</td>
            </tr>
        }
    });
    let more = preview.refusals.len().saturating_sub(REFUSALS_SHOWN);
    let table = html! {
        <table class="lens-table">
            <caption class="lens-table__caption lens-heading-s" id="lens-import-refused">
                { format!("Records that will not be imported ({})", with_commas(preview.refusals.len())) }
            </caption>
            <thead>
                <tr class="lens-table__row">
                    <th scope="col" class="lens-table__header">{ "Record" }</th>
                    <th scope="col" class="lens-table__header">{ "File" }</th>
                    <th scope="col" class="lens-table__header">{ "Why" }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    };
    html! {
        <>
            { scroll_table("lens-import-refused", table) }
            if more > 0 {
                <p class="lens-body">{ format!("and {} more, for the same kinds of reason.", with_commas(more)) }</p>
            }
        </>
    }
}

/// One conflict: the two copies field by field, and the choice of what to keep.
pub(super) fn conflict(
    index: usize,
    conflict: &ConflictView,
    choices: &Choices,
    onchoose: &Callback<(ImportedRecord, ImportChoice)>,
) -> Html {
    let stem = format!("lens-conflict-{index}");
    let rows = conflict.differences.iter().map(|difference| {
        html! {
            <tr class="lens-table__row">
                <th scope="row" class="lens-table__header">{ difference.field.clone() }</th>
                <td class="lens-table__cell">{ difference.held.clone() }</td>
                <td class="lens-table__cell">{ difference.incoming.clone() }</td>
            </tr>
        }
    });
    let table = html! {
        <table class="lens-table">
            <caption class="lens-visually-hidden" id={format!("{stem}-fields")}>
                { format!("{}: this device's copy beside the one in {}", conflict.title, conflict.file) }
            </caption>
            <thead>
                <tr class="lens-table__row">
                    <th scope="col" class="lens-table__header">{ "Field" }</th>
                    <th scope="col" class="lens-table__header">{ "On this device" }</th>
                    <th scope="col" class="lens-table__header">{ format!("In {}", conflict.file) }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    };
    let mut options = vec![(ImportChoice::KeepMine, "Keep this device's copy".to_owned())];
    if conflict.can_take_incoming {
        options.push((ImportChoice::TakeIncoming, format!("Take the copy in {}", conflict.file)));
    }
    if conflict.can_keep_both {
        options
            .push((ImportChoice::KeepBoth, "Keep both: add the incoming one as a separate copy".to_owned()));
    }
    let chosen = choices.get(&conflict.record);
    let radios = options.into_iter().enumerate().map(|(position, (choice, label))| {
        let id = format!("{stem}-choice-{position}");
        let (record, onchoose) = (conflict.record.clone(), onchoose.clone());
        let onchange = Callback::from(move |_: Event| onchoose.emit((record.clone(), choice)));
        html! {
            <div class="lens-radios__item">
                <input class="lens-radios__input" type="radio" id={id.clone()} name={stem.clone()}
                    checked={chosen == choice} {onchange} />
                <label class="lens-radios__label" for={id}>{ label }</label>
            </div>
        }
    });
    html! {
        <section class="lens-conflict" aria-labelledby={format!("{stem}-title")}>
            <h4 class="lens-heading-s" id={format!("{stem}-title")}>{ conflict.title.clone() }</h4>
            <p class="lens-body">{ format!("{}.", conflict.reason) }</p>
            { scroll_table(&format!("{stem}-fields"), table) }
            <fieldset class="lens-fieldset lens-form-group">
                <legend class="lens-fieldset__legend">{ format!("Which copy of {} should this device keep?", conflict.title) }</legend>
                if !conflict.can_take_incoming {
                    <p class="lens-hint">{ "This device's copy is submitted, so its answers change only through a recorded amendment: the incoming copy cannot replace it." }</p>
                }
                <div class="lens-radios">{ for radios }</div>
            </fieldset>
        </section>
    }
}
