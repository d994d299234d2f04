//! The one error type of the command line: what went wrong, the words to say it in, and the
//! exit status scripts see.

use std::io::{self, Write};

/// Why a command did not succeed.
#[derive(Debug)]
pub enum CliError {
    /// The command line itself is wrong: said with the usage, exit status 2.
    Usage(String),
    /// The input cannot be used: one line per problem, naming the unit, rater or field, exit
    /// status 2.
    Input(Vec<String>),
    /// The input was read but does not pass its checks (`lens validate`): a heading naming
    /// the file, then every problem with its path, exit status 1.
    Invalid {
        /// The file checked.
        subject: String,
        /// Every problem found.
        problems: Vec<String>,
    },
    /// Some lines could not be read and were skipped; the rest was written. Exit status 1.
    Skipped(Vec<String>),
    /// Writing the output failed.
    Output(io::Error),
}

impl CliError {
    /// An input error with one problem.
    pub fn input(message: impl Into<String>) -> Self {
        Self::Input(vec![message.into()])
    }

    /// The exit status: 0 when the output pipe was closed by its reader, as that is how
    /// `lens … | head` ends, 1 for checked input with problems, 2 for anything else.
    pub fn exit_status(&self) -> u8 {
        match self {
            Self::Output(error) if error.kind() == io::ErrorKind::BrokenPipe => 0,
            Self::Invalid { .. } | Self::Skipped(_) => 1,
            Self::Usage(_) | Self::Input(_) | Self::Output(_) => 2,
        }
    }

    /// Writes the error for the person at the terminal; nothing when the output pipe closed.
    pub fn report(&self, stderr: &mut impl Write, usage: &str) -> io::Result<()> {
        match self {
            Self::Usage(message) => writeln!(stderr, "lens: {message}\n\n{usage}"),
            Self::Input(lines) | Self::Skipped(lines) => {
                lines.iter().try_for_each(|line| writeln!(stderr, "lens: {line}"))
            }
            Self::Invalid { subject, problems } => {
                let plural = if problems.len() == 1 { "" } else { "s" };
                writeln!(stderr, "{subject}: {} problem{plural} found", problems.len())?;
                problems.iter().try_for_each(|problem| writeln!(stderr, "  {problem}"))
            }
            Self::Output(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Self::Output(error) => writeln!(stderr, "lens: cannot write the output: {error}"),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> Self {
        Self::Output(error)
    }
}

/// The commands that give one line per problem.
impl From<Vec<String>> for CliError {
    fn from(lines: Vec<String>) -> Self {
        Self::Input(lines)
    }
}
