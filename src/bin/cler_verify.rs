//! `cler-verify`: verifies credential files from the command line.

fn main() {}
