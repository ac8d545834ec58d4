//! The plan file a PDF of this planner carries (see `crate::attachment`), found, checked
//! against the checksums written beside it, and handed back as text for the plan-file reader.

use lopdf::{Document, Object};
use planner_core::MAX_PLAN_FILE_BYTES;

use super::objects::{dict, get, get_dict, name_tree, text};
use crate::attachment::{EXTENSION, SHA256_KEY, md5_of, sha256_hex};
use crate::error::{Error, Result};
use crate::metadata::CREATOR;

/// The text of the plan file inside the PDF `bytes`, exactly as exported; or why there is
/// none to take: not a PDF of this planner, one without its plan, or one whose plan was
/// changed after it was exported.
pub fn plan_file_in_pdf(bytes: &[u8]) -> Result<String> {
    let doc = super::load(bytes)?;
    let Some(stream) = attached_plan_file(&doc) else {
        return Err(if made_by_planner(&doc) {
            Error::NoPlanInPdf
        } else {
            Error::NotFromPlanner
        });
    };
    let too_large = || Error::UnreadablePdf {
        reason: format!(
            "the plan inside it is larger than {} bytes, the most a plan file can be",
            planner_core::format_count(MAX_PLAN_FILE_BYTES)
        ),
    };
    let limit = usize::try_from(MAX_PLAN_FILE_BYTES).map_err(|_| too_large())?;
    let content = stream
        .get_plain_content_with_limit(limit)
        .map_err(|err| match err {
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                too_large()
            }
            _ => Error::UnreadablePdf {
                reason: "the plan inside it is damaged".to_owned(),
            },
        })?;
    verify(&doc, &stream.dict, &content)?;
    let text = String::from_utf8(content).map_err(|_| Error::PlanChangedInPdf)?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The embedded file whose name ends in `.mcplan`, from the `EmbeddedFiles` name tree or the
/// catalogue's `/AF`.
fn attached_plan_file(doc: &Document) -> Option<&lopdf::Stream> {
    let catalog = doc.catalog().ok()?;
    let mut specs: Vec<&Object> = Vec::new();
    if let Some(tree) =
        get_dict(doc, catalog, b"Names").and_then(|n| get_dict(doc, n, b"EmbeddedFiles"))
    {
        specs.extend(name_tree(doc, tree).into_iter().map(|(_, spec)| spec));
    }
    if let Some(Object::Array(associated)) = get(doc, catalog, b"AF") {
        specs.extend(associated.iter());
    }
    specs.into_iter().find_map(|spec| {
        let spec = dict(doc, spec)?;
        let named = [b"UF".as_slice(), b"F"]
            .iter()
            .filter_map(|key| text(doc, spec, key))
            .any(|name| name.to_lowercase().ends_with(EXTENSION));
        if !named {
            return None;
        }
        let embedded = get_dict(doc, spec, b"EF")?;
        [b"UF".as_slice(), b"F"]
            .iter()
            .find_map(|key| match get(doc, embedded, key)? {
                Object::Stream(stream) => Some(stream),
                _ => None,
            })
    })
}

/// The information dictionary names this planner as the creator.
fn made_by_planner(doc: &Document) -> bool {
    info(doc)
        .and_then(|info| text(doc, info, b"Creator"))
        .as_deref()
        == Some(CREATOR)
}

fn info(doc: &Document) -> Option<&lopdf::Dictionary> {
    dict(doc, doc.trailer.get(b"Info").ok()?)
}

/// The checksums written beside the plan file match it; at least one must be there.
fn verify(doc: &Document, stream: &lopdf::Dictionary, content: &[u8]) -> Result<()> {
    let md5 =
        get_dict(doc, stream, b"Params").and_then(|params| match get(doc, params, b"CheckSum") {
            Some(Object::String(sum, _)) => Some(sum.clone()),
            _ => None,
        });
    let sha256 = info(doc).and_then(|info| match get(doc, info, SHA256_KEY) {
        Some(Object::String(sum, _)) => Some(sum.clone()),
        _ => None,
    });
    if md5.is_none() && sha256.is_none() {
        return Err(Error::PlanChangedInPdf);
    }
    let md5_holds = md5.is_none_or(|sum| sum == md5_of(content));
    let sha256_holds = sha256.is_none_or(|sum| sum == sha256_hex(content).as_bytes());
    if md5_holds && sha256_holds {
        Ok(())
    } else {
        Err(Error::PlanChangedInPdf)
    }
}
