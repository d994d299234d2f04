//! The codes the host page reads from `lens-*` events: its contract with Practice Lens.

/// Which storage the app opened, as `lens-ready` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageUsed {
    /// The browser's IndexedDB: kept across reloads.
    IndexedDb,
    /// Memory only: lost when the page closes.
    Memory,
}

impl StorageUsed {
    /// The text in the event's `storage` field.
    pub fn code(self) -> &'static str {
        match self {
            Self::IndexedDb => "indexeddb",
            Self::Memory => "memory",
        }
    }
}

/// Why a `lens-error` event was sent. The README's embedding section lists every code with what
/// the host page can do about it; a code, once published, is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The element's script could not load the WebAssembly module (missing file, wrong
    /// `wasm-url`, or a content security policy without `'wasm-unsafe-eval'`). Sent by
    /// `web/practice-lens.js`, never by the module itself.
    LoadFailed,
    /// The browser gave no durable storage (private browsing, storage switched off, quota), so
    /// the app keeps data in memory only and it is lost when the page closes.
    StorageUnavailable,
    /// An audit the person opened, or the amendment left unfinished on it, could not be read
    /// from storage.
    AuditUnreadable,
    /// A save to storage failed: an audit, a moderation or the device log. What was typed stays
    /// on screen.
    SaveFailed,
    /// The browser refused to offer a file for download.
    DownloadFailed,
    /// The module stopped after an unexpected fault; the element shows a notice to reload.
    Crashed,
}

impl ErrorCode {
    /// Every code, in the README's order.
    pub const ALL: [Self; 6] = [
        Self::LoadFailed,
        Self::StorageUnavailable,
        Self::AuditUnreadable,
        Self::SaveFailed,
        Self::DownloadFailed,
        Self::Crashed,
    ];

    /// The text in the event's `code` field.
    pub fn code(self) -> &'static str {
        match self {
            Self::LoadFailed => "load-failed",
            Self::StorageUnavailable => "storage-unavailable",
            Self::AuditUnreadable => "audit-unreadable",
            Self::SaveFailed => "save-failed",
            Self::DownloadFailed => "download-failed",
            Self::Crashed => "crashed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_own_code() {
        let mut codes: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ErrorCode::ALL.len());
    }

    #[test]
    fn the_readme_lists_every_error_code() {
        let readme = include_str!("../../../README.md");
        for code in ErrorCode::ALL {
            assert!(readme.contains(&format!("| `{}` |", code.code())), "README lacks {}", code.code());
        }
    }
}
