//! A one-page PDF written by hand (PDF 1.4, the standard Helvetica and Courier fonts in
//! WinAnsi, so no font is embedded): a letter's text, its QR code drawn as squares, and the
//! signed text in base64 for checking offline. Text outside WinAnsi (Arabic, for one) shows as
//! `?`: the signed text carries it exactly.
use std::fmt::Write as _;

/// A4, in points.
const WIDTH: f64 = 595.0;
const HEIGHT: f64 = 842.0;
const MARGIN: f64 = 56.0;

/// One run of text on the page.
pub enum Block<'a> {
    /// Bold, large.
    Heading(&'a str),
    /// Wrapped to the page's width.
    Paragraph(&'a str),
    /// Small, fixed width, one line each, as given.
    Mono(&'a str),
    Gap,
}

/// The character in Windows-1252, the standard fonts' encoding; `?` when it has none.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{00A0}'..='\u{00FF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        '„' => 0x84,
        '…' => 0x85,
        'Œ' => 0x8C,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        'œ' => 0x9C,
        _ => b'?',
    }
}

/// A PDF string literal of `text`.
fn literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for b in text.chars().map(win_ansi) {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// Words wrapped to `width` characters (a long word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_owned();
            while word.chars().count() > width {
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(head);
            }
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

/// The page: `blocks` from the top, the QR code (its modules, `true` dark) at the top right.
pub fn page(title: &str, blocks: &[Block<'_>], qr: &[bool], qr_width: usize) -> Vec<u8> {
    let mut content: Vec<u8> = Vec::new();
    // The QR code, 110 points wide, at the top right.
    if qr_width > 0 {
        let size = 110.0 / qr_width as f64;
        let (x0, y0) = (WIDTH - MARGIN - 110.0, HEIGHT - MARGIN - 110.0);
        let mut q = String::from("0 0 0 rg\n");
        for (i, dark) in qr.iter().enumerate() {
            if *dark {
                let (col, row) = (i % qr_width, i / qr_width);
                let _ = writeln!(
                    q,
                    "{:.3} {:.3} {:.3} {:.3} re",
                    x0 + col as f64 * size,
                    y0 + 110.0 - (row + 1) as f64 * size,
                    size,
                    size
                );
            }
        }
        q.push_str("f\n");
        content.extend_from_slice(q.as_bytes());
    }
    let mut y = HEIGHT - MARGIN - 14.0;
    let text = |font: &str, size: f64, line: &str, y: f64, content: &mut Vec<u8>| {
        content.extend_from_slice(format!("BT /{font} {size} Tf {MARGIN} {y:.2} Td ").as_bytes());
        content.extend_from_slice(&literal(line));
        content.extend_from_slice(b" Tj ET\n");
    };
    // Beside the QR code, lines stop short of it.
    let qr_bottom = HEIGHT - MARGIN - 120.0;
    for b in blocks {
        let beside = qr_width > 0 && y > qr_bottom;
        match b {
            Block::Heading(t) => {
                for line in wrap(t, if beside { 30 } else { 40 }) {
                    text("F2", 16.0, &line, y, &mut content);
                    y -= 22.0;
                }
            }
            Block::Paragraph(t) => {
                for line in wrap(t, if beside { 62 } else { 88 }) {
                    text("F1", 11.0, &line, y, &mut content);
                    y -= 15.0;
                }
            }
            Block::Mono(t) => {
                text("F3", 8.0, t, y, &mut content);
                y -= 10.0;
            }
            Block::Gap => y -= 10.0,
        }
    }
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] /Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents 7 0 R >>"
        )
        .into_bytes(),
    ];
    for font in ["Helvetica", "Helvetica-Bold", "Courier"] {
        objects.push(
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>")
                .into_bytes(),
        );
    }
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(&content);
    stream.extend_from_slice(b"endstream");
    objects.push(stream);
    let mut info = b"<< /Title ".to_vec();
    info.extend_from_slice(&literal(title));
    info.extend_from_slice(b" /Producer (Tandem) >>");
    objects.push(info);

    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info {} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            objects.len()
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_encoded_and_wrapped() {
        assert_eq!(literal("a (b) \\ é"), b"(a \\(b\\) \\\\ \xe9)".to_vec());
        assert_eq!(literal("شكرا"), b"(????)".to_vec());
        let lines = wrap("one two three four five", 9);
        assert_eq!(lines, ["one two", "three", "four five"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let pdf = page(
            "T",
            &[Block::Heading("Hello"), Block::Paragraph("World"), Block::Mono("x"), Block::Gap],
            &[true, false, false, true],
            2,
        );
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-1.4") && text.ends_with("%%EOF\n"));
        assert!(text.contains("(Hello) Tj") && text.contains(" re\n"), "{text}");
    }
}
