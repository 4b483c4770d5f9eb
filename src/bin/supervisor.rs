//! The supervisor's page (`supervisor/`): batch check, summary report, year over year.
fn main() {
    nianbao_app::start_supervisor();
}
