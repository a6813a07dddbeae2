//! `--documents`: lookups served from an index file instead of the network.
//!
//! The index has the shape of `fixtures/remote/index.json`:
//! `{"documents": [{"url": …, "path": …}]}`. A path is read relative to the
//! index's folder, or to its parent when the path repeats the folder's name.

use std::path::{Path, PathBuf};

use cler_verifier::MapFetch;
use serde_json::Value;

/// Loads every document the index names into an in-memory fetcher.
pub fn load(index: &Path) -> Result<MapFetch, String> {
    let text = std::fs::read_to_string(index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", index.display()))?;
    let folder = index.parent().unwrap_or(Path::new("."));

    let mut fetch = MapFetch::new();
    let entries = json.get("documents").and_then(Value::as_array).ok_or("the index has no documents list")?;
    for entry in entries {
        let url = entry.get("url").and_then(Value::as_str).ok_or("an index entry has no url")?;
        let path = entry.get("path").and_then(Value::as_str).ok_or("an index entry has no path")?;
        let file = locate(folder, path);
        let body = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        fetch.insert(url, body);
    }
    Ok(fetch)
}

fn locate(folder: &Path, path: &str) -> PathBuf {
    let beside = folder.join(path);
    if beside.exists() {
        return beside;
    }
    folder.parent().unwrap_or(folder).join(path)
}
