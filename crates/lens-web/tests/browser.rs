//! lens-web in a real browser (headless Chromium through wasm-bindgen-test): the IndexedDB
//! store, migrations of stored data, and the app mounted in a shadow root.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod browser {
    pub mod support;

    mod idb_store;
    mod mount;
    mod tasks;
}
