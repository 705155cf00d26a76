//! The test-only pause of a build's write: a build stopped at a named step, for the
//! crash-safety tests to kill it there and check exactly what it left.

use crate::base::{Error, Problem};

/// The environment variable that makes `output::write` stop at one of its phases, for the
/// crash-safety tests (`tests/crash_safety.rs`), which kill the build there and check
/// exactly what it left. Not for anything else.
///
/// Its value names the phase: `cleanup` (the output was found replaceable, killed
/// builds' folders are not yet deleted), `claimed` (the staging folder holds only the
/// locked marker), `writing` (half of the files are written into it), `written` (all
/// of them; the swap has not happened), `swapped` (the new output is in place, the
/// previous one not yet deleted) and `deleting` (half of the previous output's
/// top-level entries are deleted; a first build, with nothing to delete, never gets
/// there). A build that reaches it prints `crisis-site: paused at PHASE` on stderr and
/// blocks until it is killed. Any other value refuses the build before anything is
/// touched, so that a misspelt phase never silently runs to the end. It is read once
/// per `output::write`; unset, that look-up is all it costs. `crisis-site new` reads it
/// too, for its own test of two runs at once: `numbered` stops it holding the
/// numbering lock until its standard input closes (`commands::new`).
pub const PAUSE_VAR: &str = "CRISIS_SITE_PAUSE_AT";

/// The steps of `output::write` between which a killed build leaves something different
/// behind, as [`PAUSE_VAR`] names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    /// The output was found replaceable; killed builds' folders not yet deleted.
    Cleanup,
    /// The staging folder is claimed: it holds the locked marker, nothing else.
    Claimed,
    /// The first half of the files are written into the staging folder.
    Writing,
    /// Every file is written; the swap has not happened.
    Written,
    /// The new output is in place; the previous one not yet deleted (after a first
    /// build there is none, and nothing is left to do).
    Swapped,
    /// Half of the previous output's top-level entries are deleted. Not reached by a
    /// first build.
    Deleting,
}

impl Phase {
    const ALL: [Phase; 6] = [
        Phase::Cleanup,
        Phase::Claimed,
        Phase::Writing,
        Phase::Written,
        Phase::Swapped,
        Phase::Deleting,
    ];

    fn name(self) -> &'static str {
        match self {
            Phase::Cleanup => "cleanup",
            Phase::Claimed => "claimed",
            Phase::Writing => "writing",
            Phase::Written => "written",
            Phase::Swapped => "swapped",
            Phase::Deleting => "deleting",
        }
    }
}

/// Where one `output::write` is to stop ([`PAUSE_VAR`]); nowhere in every real build.
#[derive(Clone, Copy)]
pub struct Pause(Option<Phase>);

impl Pause {
    /// Never stops: for the deletions that are not the previous output's.
    pub const NEVER: Pause = Pause(None);

    pub fn from_env() -> Result<Pause, Error> {
        let Some(value) = std::env::var_os(PAUSE_VAR) else {
            return Ok(Pause::NEVER);
        };
        let value = value.to_string_lossy();
        match Phase::ALL.into_iter().find(|p| p.name() == value) {
            Some(phase) => Ok(Pause(Some(phase))),
            None => Err(Error::Invalid(vec![Problem::in_file(
                PAUSE_VAR,
                crate::msg!(
                    "output-unknown-phase",
                    value = value.as_ref(),
                    phases = Phase::ALL.map(|p| format!("`{}`", p.name())).join(", ")
                ),
            )])),
        }
    }

    /// How many of `len` items to handle before the step `phase` stops part-way:
    /// half when this pause is there, else all of them.
    pub fn before(self, phase: Phase, len: usize) -> usize {
        if self.0 == Some(phase) { len / 2 } else { len }
    }

    /// At `phase`, says so on stderr and blocks until the process is killed.
    pub fn reached(self, phase: Phase) {
        if self.0 == Some(phase) {
            eprintln!("crisis-site: paused at {}", phase.name());
            loop {
                std::thread::park();
            }
        }
    }
}
