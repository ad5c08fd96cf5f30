//! Why a figure or an export could not be made.

/// What went wrong while drawing or writing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A pair of actors was asked for that the dossier does not hold.
    #[error("there is no actor {given:?} in these articles; the actors are: {known}")]
    UnknownActor {
        /// What was asked for.
        given: String,
        /// The ids of the actors there are, comma-separated.
        known: String,
    },
    /// The drawing library failed.
    #[error("cannot draw the figure: {0}")]
    Drawing(String),
    /// The PNG encoder failed.
    #[error("cannot encode the PNG: {0}")]
    Png(#[from] png::EncodingError),
    /// The CSV writer failed.
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed.
    #[error("cannot write the JSON: {0}")]
    Json(#[from] serde_json::Error),
}
