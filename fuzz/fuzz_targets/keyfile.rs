//! Key files: any text gives a keyring or an error; a keyring that parses writes itself back
//! to a file that parses to the same keys, and seals and opens with them.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tandem_domain::seal::{Binding, Keyring, Purpose};

fuzz_target!(|text: &str| {
    if let Ok(k) = Keyring::parse(text) {
        let again = Keyring::parse(&k.to_file_text()).expect("a written key file parses");
        assert_eq!(k.ids(), again.ids());
        let b = Binding { purpose: Purpose::ReporterContact, org: "org", record: "rec" };
        let sealed = k.seal("+237 6 99 12 34 56", &b);
        assert_eq!(again.open(&sealed, &b).unwrap(), "+237 6 99 12 34 56");
    }
});
