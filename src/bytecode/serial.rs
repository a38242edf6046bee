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
pub const FORMAT: u32 = 2;

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

/// `Vec<u32>` as one run of little-endian bytes: the per-instruction
/// tables are most of a code object, and a run decodes in a tight loop
/// where serde's per-element varints cost ~20 instructions each (measured
/// on `import asyncio`).
pub mod u32s {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
        s.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        let bytes = <&[u8]>::deserialize(d)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

/// `Vec<Loc>` the same way: start and end, little-endian.
pub mod locs {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::super::code::Loc;

    pub fn serialize<S: Serializer>(v: &[Loc], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v
            .iter()
            .flat_map(|l| {
                let mut b = [0u8; 8];
                b[..4].copy_from_slice(&l.start.to_le_bytes());
                b[4..].copy_from_slice(&l.end.to_le_bytes());
                b
            })
            .collect();
        s.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Loc>, D::Error> {
        let bytes = <&[u8]>::deserialize(d)?;
        Ok(bytes
            .chunks_exact(8)
            .map(|c| Loc {
                start: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                end: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect())
    }
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
