//! Prints docs/rules.md from the rule catalogue:
//! `cargo run -p nianbao-report --example rules_doc > docs/rules.md`.

fn main() {
    print!("{}", nianbao_report::rules::markdown());
}
