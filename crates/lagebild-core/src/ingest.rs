//! Ingestion: bytes to clean text.
use crate::error::Error;

/// Decodes bytes to text.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    String::from_utf8(bytes.to_vec()).map_err(|e| Error::Encoding { offset: e.utf8_error().valid_up_to() })
}

/// Cleans a text.
pub fn clean(text: &str) -> Result<String, Error> {
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text.replace("\r\n", "\n"))
}
