//! The plan file carried inside the PDF, so the report a committee reads is also the plan it
//! can import: an embedded file in the catalogue's `EmbeddedFiles` name tree and its `/AF`
//! (associated files) array, named after the plan's title.
//!
//! Two checks travel with it. The embedded file's `/Params /CheckSum` is the MD5 the PDF
//! standard defines, which any reader can verify; the document information dictionary also
//! records the SHA-256 of the text, apart from the attachment, so a PDF whose attachment was
//! swapped for another (with its own, correct checksum) is found out too. Neither is a
//! signature: they tell a changed file from the one exported, not a forger from an author.

use chrono::NaiveDate;
use lopdf::{Dictionary, Object, Stream, StringFormat};
use md5::Digest as _;

use crate::error::{Error, Result};

/// The key of the document information dictionary that holds the plan file's SHA-256.
pub(crate) const SHA256_KEY: &[u8] = b"MCPlanFileSHA256";
/// What every attached plan file's name ends with.
pub(crate) const EXTENSION: &str = ".mcplan";

/// The attachment's file name for a plan titled `title`.
pub(crate) fn file_name(title: &str) -> String {
    format!("{}{EXTENSION}", planner_core::file_stem(title))
}

pub(crate) fn md5_of(bytes: &[u8]) -> Vec<u8> {
    md5::Md5::digest(bytes).to_vec()
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Embeds `text`, the plan file of the plan titled `title`, into `file`.
pub(crate) fn attach(
    file: &mut lopdf::Document,
    title: &str,
    text: &str,
    dated: NaiveDate,
) -> Result<()> {
    let broken = |what: &str| Error::Pdf {
        message: format!("the plan file could not be attached: {what}"),
    };
    let bytes = text.as_bytes();
    let date = Object::string_literal(dated.format("D:%Y%m%d000000Z").to_string());
    let mut params = Dictionary::new();
    params.set("Size", Object::Integer(bytes.len() as i64));
    params.set(
        "CheckSum",
        Object::String(md5_of(bytes), StringFormat::Hexadecimal),
    );
    params.set("CreationDate", date.clone());
    params.set("ModDate", date);
    let mut stream_dict = Dictionary::new();
    stream_dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
    stream_dict.set("Subtype", Object::Name(b"application/json".to_vec()));
    stream_dict.set("Params", params);
    let mut stream = Stream::new(stream_dict, bytes.to_vec());
    stream
        .compress()
        .map_err(|_| broken("it could not be compressed"))?;
    let stream_id = file.add_object(stream);

    let name = file_name(title);
    let mut embedded = Dictionary::new();
    embedded.set("F", Object::Reference(stream_id));
    embedded.set("UF", Object::Reference(stream_id));
    let mut spec = Dictionary::new();
    spec.set("Type", Object::Name(b"Filespec".to_vec()));
    spec.set("F", lopdf::text_string(&ascii_name(&name)));
    spec.set("UF", lopdf::text_string(&name));
    spec.set(
        "Desc",
        lopdf::text_string("The plan itself: import this PDF into the Micro-credential Planner"),
    );
    spec.set("AFRelationship", Object::Name(b"Source".to_vec()));
    spec.set("EF", embedded);
    let spec_id = file.add_object(spec);

    let info_id = file
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|_| broken("the file has no information dictionary"))?;
    file.get_dictionary_mut(info_id)
        .map_err(|_| broken("the file has no information dictionary"))?
        .set(SHA256_KEY, Object::string_literal(sha256_hex(bytes)));

    let names_id = file.add_object(Dictionary::from_iter([(
        "Names",
        Object::Array(vec![lopdf::text_string(&name), Object::Reference(spec_id)]),
    )]));
    let catalog = file
        .catalog_mut()
        .map_err(|_| broken("the file has no catalogue"))?;
    catalog.set("AF", Object::Array(vec![Object::Reference(spec_id)]));
    // printpdf writes no name tree of its own; should it one day, the attachment joins it.
    let tree_id = match catalog.get(b"Names") {
        Ok(Object::Reference(id)) => Some(*id),
        Ok(Object::Dictionary(_)) => None,
        _ => {
            catalog.set("Names", Dictionary::new());
            None
        }
    };
    let not_a_tree = |_| broken("the catalogue's names are not a dictionary");
    let names = match tree_id {
        Some(id) => file.get_dictionary_mut(id).map_err(not_a_tree)?,
        None => file
            .catalog_mut()
            .and_then(|catalog| catalog.get_mut(b"Names"))
            .and_then(Object::as_dict_mut)
            .map_err(not_a_tree)?,
    };
    names.set("EmbeddedFiles", Object::Reference(names_id));
    Ok(())
}

/// `/F` is for readers that know only bytes: the name with anything outside ASCII replaced.
fn ascii_name(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii() { c } else { '_' })
        .collect();
    if ascii.trim_matches(['_', ' ']) == EXTENSION {
        format!("plan{EXTENSION}")
    } else {
        ascii
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_the_title_and_give_ascii_readers_a_usable_name() {
        assert_eq!(
            file_name("Pilot 2027: phase 1/2"),
            "Pilot 2027 phase 1 2.mcplan"
        );
        assert_eq!(ascii_name("Łódź pilot.mcplan"), "__d_ pilot.mcplan");
        assert_eq!(ascii_name("東京.mcplan"), "plan.mcplan");
    }

    #[test]
    fn checksums_are_the_standard_digests() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            md5_of(b"abc"),
            [
                0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0, 0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1,
                0x7f, 0x72
            ]
        );
    }
}
