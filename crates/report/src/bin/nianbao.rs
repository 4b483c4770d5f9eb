//! The `nianbao` command: check, import, render and roll over reports from the shell.

fn main() {
    eprintln!("nianbao: not yet implemented");
    std::process::exit(2);
}
