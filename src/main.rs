//! The `trame` binary: parses arguments and hands over to [`trame::cli`],
//! which opens [`trame::tui`] when no command is given. The binary is the
//! one place that joins the two front ends.

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    trame::cli::main(trame::tui::run, trame::tui::terminal_width)
}
