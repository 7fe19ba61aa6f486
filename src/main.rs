//! The `trame` binary: parses arguments and hands over to [`trame::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    trame::cli::main()
}
