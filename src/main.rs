//! The `crisis-site` binary: the command line of [`crisis_site`].

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
