//! Code objects as bytes. weft's build script compiles the stdlib modules
//! written in weft with this same compiler (the weft-aot crate includes
//! these source files) and embeds their encoded code, so an import decodes
//! code objects instead of lexing, parsing and compiling source.
//!
//! Layout: `MAGIC`, `FORMAT` (u32, little-endian), then the `CodeObject` in
//! postcard (serde's compact varint encoding; a well-kept crate, and the
//! derives keep the format in step with the types). The encoder and the
//! decoder are this file built twice from one source, so they agree; the
//! header still guards against a blob from another build, and anything
//! that does not decode means "compile the source instead".

use std::rc::Rc;

use super::CodeObject;

pub const MAGIC: &[u8; 8] = b"weftcode";
/// Bump when the encoded types change shape in a way serde would not see.
pub const FORMAT: u32 = 1;

pub fn encode(code: &CodeObject) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    // Serializing plain data into a Vec cannot fail.
    out.extend(postcard::to_allocvec(code).unwrap_or_default());
    out
}

/// The code object in `bytes`, or None if they are not this build's
/// encoding.
pub fn decode(bytes: &[u8]) -> Option<Rc<CodeObject>> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, body) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*version) != FORMAT {
        return None;
    }
    postcard::from_bytes::<CodeObject>(body).ok().map(Rc::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "def f(x, *a, k=1, **kw):\n    return [i * 2 for i in a] + [3.5, 2j, b'x', 10**30]\nclass C:\n    y = f'{1!r:>3}'\n";
        let file = crate::source::SourceFile::new("<t>", text);
        let m = crate::syntax::parse(text).unwrap();
        let code = crate::compile::compile(&m, &file, crate::compile::Mode::Module).unwrap();
        let bytes = encode(&code);
        assert_eq!(decode(&bytes).as_deref(), Some(&*code));
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        let mut other = bytes.clone();
        other[8] ^= 1;
        assert!(decode(&other).is_none());
    }
}
