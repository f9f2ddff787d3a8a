//! A QR code of the shared link, drawn as one SVG path: pure Rust, tested natively against
//! a reference decoder (`tests/qr.rs`).
//!
//! Why our own encoder rather than a crate: the calculator only ever encodes one kind of
//! text (a URL) in one way (byte mode, error-correction level M, any version 1–40), so it
//! needs a fraction of a general encoder. This is ISO/IEC 18004's byte mode, Reed–Solomon
//! error correction over GF(256), the eight masks with the standard's penalty rules, and
//! the format and version information, in about 300 lines and a few kilobytes of wasm.
//! Level M recovers about 15% of damaged modules: enough for a phone held up to a
//! projector, while keeping the modules large.

/// The most bytes a version-40 symbol holds at level M.
pub const MAX_BYTES: usize = 2331;

/// Modules of light margin around the symbol, as the standard asks.
pub const QUIET_ZONE: usize = 4;

/// Error-correction codewords per block, by version (index 0 unused), at level M.
const ECC_PER_BLOCK: [u8; 41] = [
    0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];

/// Error-correction blocks, by version (index 0 unused), at level M.
const BLOCKS: [u8; 41] = [
    0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
    25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];

/// Level M's two bits in the format information.
const LEVEL_M_BITS: u32 = 0;

/// Why a text cannot become a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrError {
    /// Longer than the largest symbol holds.
    TooLong { bytes: usize },
}

/// A finished symbol: `size` × `size` modules, dark where `true`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    pub version: u8,
    pub mask: u8,
    pub size: usize,
    modules: Vec<bool>,
}

impl QrCode {
    /// Encodes `text` in the smallest version that holds it, with the mask the standard's
    /// penalty rules prefer.
    pub fn encode(text: &str) -> Result<QrCode, QrError> {
        QrCode::encode_with_mask(text, None)
    }

    /// As [`QrCode::encode`], with a chosen mask (0–7) for tests against other encoders.
    pub fn encode_with_mask(text: &str, mask: Option<u8>) -> Result<QrCode, QrError> {
        let bytes = text.as_bytes();
        let version = (1..=40u8)
            .find(|&version| bytes.len() <= byte_capacity(version))
            .ok_or(QrError::TooLong { bytes: bytes.len() })?;
        let codewords = add_error_correction(&data_codewords(bytes, version), version);
        let mut grid = Grid::new(version);
        grid.draw_function_patterns();
        grid.draw_codewords(&codewords);
        let mask = match mask {
            Some(mask) => mask & 7,
            None => (0..8u8)
                .min_by_key(|&mask| {
                    let mut trial = grid.clone();
                    trial.apply_mask(mask);
                    trial.draw_format(mask);
                    trial.penalty()
                })
                .unwrap_or(0),
        };
        grid.apply_mask(mask);
        grid.draw_format(mask);
        Ok(QrCode {
            version,
            mask,
            size: grid.size,
            modules: grid.modules,
        })
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// The width and height of the drawing in modules, quiet zone included.
    pub fn extent(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// The dark modules as one SVG path, a rectangle per run of dark modules in a row, in a
    /// `0 0 extent extent` view box.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                path.push('M');
                push_number(&mut path, start + QUIET_ZONE);
                path.push(' ');
                push_number(&mut path, y + QUIET_ZONE);
                path.push('h');
                push_number(&mut path, run);
                path.push_str("v1h-");
                push_number(&mut path, run);
                path.push('z');
            }
        }
        path
    }
}

/// Writes a whole number without `core::fmt` (the wasm pays for every formatting path).
fn push_number(out: &mut String, mut number: usize) {
    let mut digits = [0u8; 20];
    let mut count = 0;
    loop {
        digits[count] = b'0' + (number % 10) as u8;
        count += 1;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    for &digit in digits[..count].iter().rev() {
        out.push(char::from(digit));
    }
}

fn side(version: u8) -> usize {
    usize::from(version) * 4 + 17
}

/// Modules left for data and error correction once the function patterns are drawn.
fn raw_data_modules(version: u8) -> usize {
    let v = usize::from(version);
    let mut modules = (16 * v + 128) * v + 64;
    if v >= 2 {
        let alignments = v / 7 + 2;
        modules -= (25 * alignments - 10) * alignments - 55;
        if v >= 7 {
            modules -= 36;
        }
    }
    modules
}

fn data_capacity(version: u8) -> usize {
    let v = usize::from(version);
    raw_data_modules(version) / 8 - usize::from(ECC_PER_BLOCK[v]) * usize::from(BLOCKS[v])
}

fn count_bits(version: u8) -> usize {
    if version <= 9 {
        8
    } else {
        16
    }
}

/// How many bytes a version holds in byte mode.
fn byte_capacity(version: u8) -> usize {
    (data_capacity(version) * 8 - 4 - count_bits(version)) / 8
}

/// Bits appended most significant first.
struct Bits(Vec<bool>);

impl Bits {
    fn push(&mut self, value: u32, length: usize) {
        for i in (0..length).rev() {
            self.0.push((value >> i) & 1 == 1);
        }
    }
}

/// The mode, the count, the bytes, the terminator and the padding, as codewords.
fn data_codewords(bytes: &[u8], version: u8) -> Vec<u8> {
    let capacity_bits = data_capacity(version) * 8;
    let mut bits = Bits(Vec::with_capacity(capacity_bits));
    bits.push(0b0100, 4);
    bits.push(bytes.len() as u32, count_bits(version));
    for &byte in bytes {
        bits.push(u32::from(byte), 8);
    }
    let terminator = (capacity_bits - bits.0.len()).min(4);
    bits.push(0, terminator);
    let to_byte = (8 - bits.0.len() % 8) % 8;
    bits.push(0, to_byte);
    let mut codewords: Vec<u8> = bits
        .0
        .chunks(8)
        .map(|chunk| {
            chunk
                .iter()
                .fold(0u8, |byte, &bit| (byte << 1) | u8::from(bit))
        })
        .collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if codewords.len() >= capacity_bits / 8 {
            break;
        }
        codewords.push(pad);
    }
    codewords
}

/// Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_multiply(x: u8, y: u8) -> u8 {
    let mut product: u8 = 0;
    for i in (0..8).rev() {
        product = (product << 1) ^ ((product >> 7) * 0x1D);
        product ^= ((y >> i) & 1) * x;
    }
    product
}

/// The Reed–Solomon generator polynomial of a degree, leading coefficient left out.
fn generator(degree: usize) -> Vec<u8> {
    let mut coefficients = vec![0u8; degree];
    coefficients[degree - 1] = 1;
    let mut root: u8 = 1;
    for _ in 0..degree {
        for j in 0..degree {
            coefficients[j] = gf_multiply(coefficients[j], root);
            if j + 1 < degree {
                coefficients[j] ^= coefficients[j + 1];
            }
        }
        root = gf_multiply(root, 2);
    }
    coefficients
}

fn remainder(data: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut result = vec![0u8; generator.len()];
    for &byte in data {
        let factor = byte ^ result[0];
        result.rotate_left(1);
        if let Some(last) = result.last_mut() {
            *last = 0;
        }
        for (term, &coefficient) in result.iter_mut().zip(generator) {
            *term ^= gf_multiply(coefficient, factor);
        }
    }
    result
}

/// Splits the data into blocks, adds each block's error correction, and interleaves them.
fn add_error_correction(data: &[u8], version: u8) -> Vec<u8> {
    let v = usize::from(version);
    let blocks = usize::from(BLOCKS[v]);
    let ecc_length = usize::from(ECC_PER_BLOCK[v]);
    let raw_codewords = raw_data_modules(version) / 8;
    let short_blocks = blocks - raw_codewords % blocks;
    let short_length = raw_codewords / blocks;
    let divisor = generator(ecc_length);
    let mut split = Vec::with_capacity(blocks);
    let mut start = 0;
    for i in 0..blocks {
        let length = short_length - ecc_length + usize::from(i >= short_blocks);
        let block = &data[start..start + length];
        start += length;
        split.push((block, remainder(block, &divisor)));
    }
    let mut result = Vec::with_capacity(raw_codewords);
    for i in 0..=short_length - ecc_length {
        for (block, _) in &split {
            if let Some(&byte) = block.get(i) {
                result.push(byte);
            }
        }
    }
    for i in 0..ecc_length {
        for (_, ecc) in &split {
            result.push(ecc[i]);
        }
    }
    result
}

#[derive(Clone)]
struct Grid {
    version: u8,
    size: usize,
    modules: Vec<bool>,
    /// Modules of the finder, timing, alignment, format and version patterns, which the
    /// data and the mask leave alone.
    reserved: Vec<bool>,
}

impl Grid {
    fn new(version: u8) -> Grid {
        let size = side(version);
        Grid {
            version,
            size,
            modules: vec![false; size * size],
            reserved: vec![false; size * size],
        }
    }

    fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        let at = y * self.size + x;
        self.modules[at] = dark;
        self.reserved[at] = true;
    }

    fn alignment_positions(&self) -> Vec<usize> {
        let version = usize::from(self.version);
        if version == 1 {
            return Vec::new();
        }
        let count = version / 7 + 2;
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
        let mut positions: Vec<usize> = (0..count - 1).map(|i| self.size - 7 - i * step).collect();
        positions.push(6);
        positions.reverse();
        positions
    }

    fn draw_function_patterns(&mut self) {
        let size = self.size;
        for i in 0..size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4i32..=4 {
                for dx in -4i32..=4 {
                    let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                    if (0..size as i32).contains(&x) && (0..size as i32).contains(&y) {
                        let distance = dx.abs().max(dy.abs());
                        self.set_function(x as usize, y as usize, distance != 2 && distance != 4);
                    }
                }
            }
        }
        let positions = self.alignment_positions();
        let last = positions.len().saturating_sub(1);
        for (i, &cx) in positions.iter().enumerate() {
            for (j, &cy) in positions.iter().enumerate() {
                let on_finder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if on_finder {
                    continue;
                }
                for dy in -2i32..=2 {
                    for dx in -2i32..=2 {
                        let dark = dx.abs().max(dy.abs()) != 1;
                        self.set_function(
                            (cx as i32 + dx) as usize,
                            (cy as i32 + dy) as usize,
                            dark,
                        );
                    }
                }
            }
        }
        // Reserve the format areas now; their bits go in once the mask is chosen.
        self.draw_format(0);
        self.draw_version();
    }

    fn draw_format(&mut self, mask: u8) {
        let data = (LEVEL_M_BITS << 3) | u32::from(mask);
        let mut remainder = data;
        for _ in 0..10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }
        let bits = ((data << 10) | remainder) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let size = self.size;
        for i in 0..6 {
            self.set_function(8, i, bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set_function(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, size - 15 + i, bit(i));
        }
        // The module that is always dark.
        self.set_function(8, size - 8, true);
    }

    fn draw_version(&mut self) {
        if self.version < 7 {
            return;
        }
        let version = u32::from(self.version);
        let mut remainder = version;
        for _ in 0..12 {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
        }
        let bits = (version << 12) | remainder;
        for i in 0..18 {
            let dark = (bits >> i) & 1 == 1;
            let (a, b) = (self.size - 11 + i % 3, i / 3);
            self.set_function(a, b, dark);
            self.set_function(b, a, dark);
        }
    }

    /// Places the codewords in the standard's zigzag, two columns at a time from the right.
    fn draw_codewords(&mut self, codewords: &[u8]) {
        let size = self.size;
        let total_bits = codewords.len() * 8;
        let mut i = 0;
        let mut right = size - 1;
        loop {
            if right == 6 {
                right = 5;
            }
            let upward = (right + 1) & 2 == 0;
            for vertical in 0..size {
                let y = if upward {
                    size - 1 - vertical
                } else {
                    vertical
                };
                for x in [right, right - 1] {
                    let at = y * size + x;
                    if !self.reserved[at] && i < total_bits {
                        self.modules[at] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1;
                        i += 1;
                    }
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }

    fn apply_mask(&mut self, mask: u8) {
        for y in 0..self.size {
            for x in 0..self.size {
                let flip = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                let at = y * self.size + x;
                if flip && !self.reserved[at] {
                    self.modules[at] = !self.modules[at];
                }
            }
        }
    }

    fn dark(&self, x: usize, y: usize) -> bool {
        self.modules[y * self.size + x]
    }

    /// The standard's penalty score: long runs, 2×2 blocks, finder-like patterns, and an
    /// unbalanced share of dark modules all make a symbol harder to read.
    fn penalty(&self) -> usize {
        let size = self.size;
        let mut score = 0;
        for horizontal in [true, false] {
            for a in 0..size {
                let line: Vec<bool> = (0..size)
                    .map(|b| {
                        if horizontal {
                            self.dark(b, a)
                        } else {
                            self.dark(a, b)
                        }
                    })
                    .collect();
                score += run_penalty(&line) + finder_penalty(&line);
            }
        }
        for y in 0..size - 1 {
            for x in 0..size - 1 {
                let colour = self.dark(x, y);
                if colour == self.dark(x + 1, y)
                    && colour == self.dark(x, y + 1)
                    && colour == self.dark(x + 1, y + 1)
                {
                    score += 3;
                }
            }
        }
        let dark = self.modules.iter().filter(|&&dark| dark).count();
        let total = size * size;
        // Ten points for each full 5% the dark share is away from half.
        let k = (dark * 20)
            .abs_diff(total * 10)
            .div_ceil(total)
            .saturating_sub(1);
        score + k * 10
    }
}

/// Runs of five or more modules of one colour: 3 points, plus 1 for each beyond five.
fn run_penalty(line: &[bool]) -> usize {
    let mut score = 0;
    let mut run = 1;
    for i in 1..=line.len() {
        if i < line.len() && line[i] == line[i - 1] {
            run += 1;
        } else {
            if run >= 5 {
                score += run - 2;
            }
            run = 1;
        }
    }
    score
}

/// Dark-light-dark-dark-dark-light-dark with four light modules on one side (the edge of
/// the symbol counts as light): 40 points each, since a reader may take it for a finder.
fn finder_penalty(line: &[bool]) -> usize {
    const CORE: [bool; 7] = [true, false, true, true, true, false, true];
    let light = |i: isize| i < 0 || i as usize >= line.len() || !line[i as usize];
    let mut score = 0;
    for start in 0..line.len().saturating_sub(6) {
        if line[start..start + 7] != CORE {
            continue;
        }
        let s = start as isize;
        let before = (1..=4).all(|k| light(s - k));
        let after = (7..=10).all(|k| light(s + k));
        if before || after {
            score += 40;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacities_match_the_standard_at_level_m() {
        // ISO/IEC 18004 table 7, byte mode, level M.
        for (version, bytes) in [(1, 14), (2, 26), (5, 84), (10, 213), (20, 666), (40, 2331)] {
            assert_eq!(byte_capacity(version), bytes, "version {version}");
        }
        assert_eq!(byte_capacity(40), MAX_BYTES);
    }

    #[test]
    fn the_smallest_version_that_holds_the_text_is_chosen() {
        assert_eq!(QrCode::encode("a").map(|qr| qr.version), Ok(1));
        assert_eq!(QrCode::encode(&"a".repeat(14)).map(|qr| qr.version), Ok(1));
        assert_eq!(QrCode::encode(&"a".repeat(15)).map(|qr| qr.version), Ok(2));
        assert_eq!(
            QrCode::encode(&"a".repeat(MAX_BYTES + 1)),
            Err(QrError::TooLong {
                bytes: MAX_BYTES + 1
            })
        );
    }

    #[test]
    fn a_generator_polynomial_matches_the_standard() {
        // ISO/IEC 18004 annex A gives the degree-10 generator (version 1-M) as powers of α:
        // x¹⁰ + α²⁵¹x⁹ + α⁶⁷x⁸ + α⁴⁶x⁷ + α⁶¹x⁶ + α¹¹⁸x⁵ + α⁷⁰x⁴ + α⁶⁴x³ + α⁹⁴x² + α³²x + α⁴⁵.
        let mut powers = [0u8; 256];
        let mut power: u16 = 1;
        for slot in powers.iter_mut() {
            *slot = power as u8;
            power <<= 1;
            if power & 0x100 != 0 {
                power ^= 0x11D;
            }
        }
        let expected: Vec<u8> = [251, 67, 46, 61, 118, 70, 64, 94, 32, 45]
            .iter()
            .map(|&exponent| powers[exponent])
            .collect();
        assert_eq!(generator(10), expected);
    }

    #[test]
    fn the_svg_path_draws_every_dark_module_once() {
        let qr = QrCode::encode("https://example.com/").expect("short text");
        let dark = (0..qr.size)
            .flat_map(|y| (0..qr.size).map(move |x| (x, y)))
            .filter(|&(x, y)| qr.is_dark(x, y))
            .count();
        let path = qr.svg_path();
        let drawn: usize = path
            .split('h')
            .skip(1)
            .step_by(2)
            .filter_map(|run| run.split('v').next()?.parse::<usize>().ok())
            .sum();
        assert_eq!(drawn, dark);
        assert!(path.starts_with("M4 4h7v1h-7z"), "finder's top row: {path}");
    }

    #[test]
    fn numbers_are_written_without_core_fmt() {
        let mut out = String::new();
        for n in [0, 7, 10, 4096] {
            push_number(&mut out, n);
            out.push(',');
        }
        assert_eq!(out, "0,7,10,4096,");
    }
}
