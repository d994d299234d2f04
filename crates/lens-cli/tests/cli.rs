//! The `lens` command line run as a program: one test binary, one module per topic.
//!
//! Each module runs the built `lens` on fixtures and on bad input and checks its output, its
//! messages and its exit status; `support` holds what they share.

mod agreement;
mod bundles;
mod calibration;
mod dashboard;
mod pipes;
mod support;
mod themes;
mod validate;
