//! Prints docs/rules.md from the rule catalogue, or with `--help-page` the help's page of rules:
//! `cargo run -p nianbao-report --example rules_doc > docs/rules.md`;
//! `cargo run -p nianbao-report --example rules_doc -- --help-page > public/help/rules.html`.

fn main() {
    if std::env::args().any(|arg| arg == "--help-page") {
        print!("{}", nianbao_report::rules::help_page());
    } else {
        print!("{}", nianbao_report::rules::markdown());
    }
}
