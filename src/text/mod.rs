//! Text algorithms that need no VM: number repr and parsing, the format-spec mini-language, printf-style formatting, str and bytes method algorithms.
