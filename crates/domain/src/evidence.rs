//! Evidence files of the observatory: what kind a file is (read from its first bytes, never from
//! the name or the type a browser claims), and the clean copy that leaves its owner without the
//! metadata that can name or place someone (EXIF GPS and author, XMP, IPTC, PDF document info).
use serde::Serialize;

/// What an evidence file is, for people (the page names it) and for the clean copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Photo,
    Document,
    Audio,
    Video,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Photo => "photo",
            EvidenceKind::Document => "document",
            EvidenceKind::Audio => "audio",
            EvidenceKind::Video => "video",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Photo, Self::Document, Self::Audio, Self::Video].into_iter().find(|k| k.as_str() == s)
    }
}

/// A recognised file: its kind, media type and the extension a download is named with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileType {
    pub kind: EvidenceKind,
    pub content_type: &'static str,
    pub ext: &'static str,
}

/// Bytes [`sniff`] needs to tell every accepted type apart.
pub const SNIFF_BYTES: usize = 16;

const fn ft(kind: EvidenceKind, content_type: &'static str, ext: &'static str) -> Option<FileType> {
    Some(FileType { kind, content_type, ext })
}

/// The type of a file from its first bytes ([`SNIFF_BYTES`] of them, or all of a shorter file).
/// Photos, PDFs, and the audio and video formats phones record; anything else is None (refused).
pub fn sniff(head: &[u8]) -> Option<FileType> {
    use EvidenceKind::*;
    let at = |i: usize, m: &[u8]| head.len() >= i + m.len() && &head[i..i + m.len()] == m;
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        return ft(Photo, "image/jpeg", "jpg");
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return ft(Photo, "image/png", "png");
    }
    if at(0, b"RIFF") && at(8, b"WEBP") {
        return ft(Photo, "image/webp", "webp");
    }
    if at(0, b"%PDF-") {
        return ft(Document, "application/pdf", "pdf");
    }
    if at(0, b"RIFF") && at(8, b"WAVE") {
        return ft(Audio, "audio/wav", "wav");
    }
    if at(0, b"OggS") {
        return ft(Audio, "audio/ogg", "ogg");
    }
    // MPEG audio layer III: a frame sync with layer bits 01 (FF FB, FF F3, FF F2, FF E3…).
    if at(0, b"ID3") || (head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE6 == 0xE2) {
        return ft(Audio, "audio/mpeg", "mp3");
    }
    if at(0, b"#!AMR") {
        return ft(Audio, "audio/amr", "amr");
    }
    if at(0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        return ft(Video, "video/webm", "webm");
    }
    if at(4, b"ftyp") {
        // ISO media: the brand says photo (HEIC), voice note (M4A) or video (MP4, 3GP, MOV).
        return match head.get(8..12) {
            Some(b"heic" | b"heix" | b"mif1" | b"msf1") => ft(Photo, "image/heic", "heic"),
            Some(b"M4A " | b"M4B ") => ft(Audio, "audio/mp4", "m4a"),
            Some(b"qt  ") => ft(Video, "video/quicktime", "mov"),
            Some(b) if b.starts_with(b"3g") => ft(Video, "video/3gpp", "3gp"),
            _ => ft(Video, "video/mp4", "mp4"),
        };
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripError {
    /// Audio, video and HEIC keep their metadata in containers Tandem does not rewrite: it
    /// refuses a "clean" copy rather than hand out one that is not.
    #[error("Tandem cannot remove the metadata of this kind of file")]
    Unsupported,
    #[error("the file is damaged: {0}")]
    Damaged(&'static str),
}

/// Whether [`strip_metadata`] can make a clean copy of this type.
pub fn can_strip(content_type: &str) -> bool {
    matches!(content_type, "image/jpeg" | "image/png" | "image/webp" | "application/pdf")
}

/// A copy of `bytes` without the metadata that can identify or place people. The picture or text
/// itself is untouched: only metadata segments, chunks or values go.
pub fn strip_metadata(content_type: &str, bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    match content_type {
        "image/jpeg" => strip_jpeg(bytes),
        "image/png" => strip_png(bytes),
        "image/webp" => strip_webp(bytes),
        "application/pdf" => strip_pdf(bytes),
        _ => Err(StripError::Unsupported),
    }
}

/// JPEG: keeps only what the picture needs — JFIF (APP0), an ICC colour profile (APP2
/// `ICC_PROFILE`), Adobe (APP14), the tables, frames and scans — and drops every other APPn
/// segment (EXIF and XMP with GPS, camera and author; IPTC; multi-picture data), comments, and
/// anything after the end of the image (a second picture, a gain map, a Motion Photo's video).
fn strip_jpeg(b: &[u8]) -> Result<Vec<u8>, StripError> {
    let cut = || StripError::Damaged("a JPEG segment is cut short");
    if b.len() < 4 {
        return Err(cut());
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..2]);
    let mut i = 2;
    loop {
        if i + 2 > b.len() || b[i] != 0xFF {
            return Err(cut());
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            // Fill byte before a marker.
            i += 1;
            continue;
        }
        if marker == 0xD9 {
            out.extend_from_slice(&[0xFF, 0xD9]);
            return Ok(out);
        }
        if i + 4 > b.len() {
            return Err(cut());
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if len < 2 || i + 2 + len > b.len() {
            return Err(StripError::Damaged("a JPEG segment runs past the end"));
        }
        let body = &b[i + 4..i + 2 + len];
        let keep = match marker {
            0xE2 => body.starts_with(b"ICC_PROFILE\0"),
            0xE0 | 0xEE => true,
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(&b[i..i + 2 + len]);
        }
        i += 2 + len;
        if marker == 0xDA {
            // The entropy-coded scan: up to the next marker that is neither a stuffed byte
            // (FF 00) nor a restart (FF D0–D7).
            let start = i;
            while i + 1 < b.len() && !(b[i] == 0xFF && b[i + 1] != 0 && !(0xD0..=0xD7).contains(&b[i + 1])) {
                i += 1;
            }
            if i + 1 >= b.len() {
                return Err(StripError::Damaged("a JPEG scan has no end"));
            }
            out.extend_from_slice(&b[start..i]);
        }
    }
}

/// PNG: keeps only the chunks a picture is drawn from (and animation's), and drops the rest:
/// text (author, comments), eXIf, the time it was made, content credentials, anything unknown.
fn strip_png(b: &[u8]) -> Result<Vec<u8>, StripError> {
    if b.len() < 8 {
        return Err(StripError::Damaged("a PNG chunk is cut short"));
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..8]);
    let mut i = 8;
    while i < b.len() {
        if i + 12 > b.len() {
            return Err(StripError::Damaged("a PNG chunk is cut short"));
        }
        let len = u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
        let end = i.checked_add(12 + len).filter(|e| *e <= b.len());
        let Some(end) = end else { return Err(StripError::Damaged("a PNG chunk runs past the end")) };
        let kind = &b[i + 4..i + 8];
        const DRAWN: [&[u8]; 15] = [
            b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
            b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT",
        ];
        if DRAWN.contains(&kind) {
            out.extend_from_slice(&b[i..end]);
        }
        i = end;
    }
    Ok(out)
}

/// WebP: keeps the image, alpha, animation and colour-profile chunks, drops EXIF, XMP and
/// anything else, clears the extended header's EXIF and XMP flags, and fixes the size.
fn strip_webp(b: &[u8]) -> Result<Vec<u8>, StripError> {
    if b.len() < 12 {
        return Err(StripError::Damaged("a WebP chunk runs past the end"));
    }
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..12]);
    let mut i = 12;
    while i + 8 <= b.len() {
        let len = u32::from_le_bytes([b[i + 4], b[i + 5], b[i + 6], b[i + 7]]) as usize;
        let padded = len + (len & 1);
        let end = (i + 8 + padded).min(b.len());
        if i + 8 + len > b.len() {
            return Err(StripError::Damaged("a WebP chunk runs past the end"));
        }
        let kind = &b[i..i + 4];
        if matches!(kind, b"VP8 " | b"VP8L" | b"VP8X" | b"ALPH" | b"ANIM" | b"ANMF" | b"ICCP") {
            let at = out.len();
            out.extend_from_slice(&b[i..end]);
            if kind == b"VP8X" && out.len() > at + 8 {
                // Flags: 0x08 EXIF, 0x04 XMP.
                out[at + 8] &= !0x0C;
            }
        }
        i = end;
    }
    let riff = (out.len() - 8) as u32;
    out[4..8].copy_from_slice(&riff.to_le_bytes());
    Ok(out)
}

/// PDF: blanks the document information values that name people, tools or times (Author,
/// Creator, Producer, Title, Subject, Keywords, CreationDate, ModDate) and the XMP packet, each with
/// spaces (or zeros) of the same length, so the cross-reference offsets stay right and the file
/// opens as before. Where metadata may hide where this cannot reach it — compressed object
/// streams, values kept in other objects, compressed XMP, embedded JPEG pictures with their own
/// EXIF — it refuses rather than hand out a copy that is not clean.
fn strip_pdf(b: &[u8]) -> Result<Vec<u8>, StripError> {
    // `#` escapes in names (`/Au#74hor`) would hide keys from the search below.
    if has_name_escape(b) {
        return Err(StripError::Unsupported);
    }
    for risky in [&b"/ObjStm"[..], b"/DCTDecode", b"/JPXDecode", b"/EmbeddedFile"] {
        if find(b, risky).is_some() {
            return Err(StripError::Unsupported);
        }
    }
    let mut out = b.to_vec();
    let keys = [
        &b"/Author"[..],
        b"/Creator",
        b"/Producer",
        b"/Title",
        b"/Subject",
        b"/Keywords",
        b"/CreationDate",
        b"/ModDate",
    ];
    for key in keys {
        let mut from = 0;
        while let Some(at) = find(&out[from..], key).map(|p| p + from) {
            from = at + key.len();
            let mut j = from;
            while j < out.len() && out[j].is_ascii_whitespace() {
                j += 1;
            }
            match out.get(j) {
                Some(b'(') => blank_string(&mut out, j),
                Some(b'<') if out.get(j + 1) != Some(&b'<') => {
                    // A hex string: up to its closing bracket, which only hex digits precede.
                    let end =
                        out[j + 1..].iter().position(|c| !c.is_ascii_hexdigit() && !c.is_ascii_whitespace());
                    match end.map(|e| e + j + 1) {
                        Some(e) if out[e] == b'>' => out[j + 1..e].fill(b'0'),
                        _ => return Err(StripError::Damaged("a PDF hex string has no end")),
                    }
                }
                // An indirect value (`/Author 7 0 R`) lives in another object: not reachable here.
                Some(c) if c.is_ascii_digit() => return Err(StripError::Unsupported),
                _ => {}
            }
        }
    }
    let mut from = 0;
    let mut packets = 0;
    for (open, close) in [(&b"<x:xmpmeta"[..], &b"</x:xmpmeta>"[..]), (b"<x:xapmeta", b"</x:xapmeta>")] {
        while let Some(start) = find(&out[from..], open).map(|p| p + from) {
            let Some(end) = find(&out[start..], close).map(|p| p + start + close.len()) else { break };
            out[start..end].fill(b' ');
            from = end;
            packets += 1;
        }
        from = 0;
    }
    // A metadata stream whose packet was not found in the clear is compressed: refuse.
    let streams = count(&out, b"/Metadata");
    if streams > packets {
        return Err(StripError::Unsupported);
    }
    Ok(out)
}

/// Whether a name is written with a `#xx` escape anywhere: `/` then name characters then `#` and
/// a hex digit.
fn has_name_escape(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &c)| {
        c == b'/' && {
            let rest = &b[i + 1..];
            let name_len = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            rest.get(name_len) == Some(&b'#') && rest.get(name_len + 1).is_some_and(u8::is_ascii_hexdigit)
        }
    })
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Replaces a literal string's contents `( … )` (nested brackets and escapes allowed) by spaces.
fn blank_string(out: &mut [u8], open: usize) {
    let mut depth = 0usize;
    let mut i = open;
    while i < out.len() {
        match out[i] {
            b'\\' => {
                out[i] = b' ';
                if i + 1 < out.len() {
                    out[i + 1] = b' ';
                }
                i += 2;
                continue;
            }
            b'(' => {
                depth += 1;
                if depth > 1 {
                    out[i] = b' ';
                }
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
                out[i] = b' ';
            }
            _ => out[i] = b' ',
        }
        i += 1;
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut v = vec![0xFF, marker];
        v.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        v.extend_from_slice(body);
        v
    }

    fn jpeg_with_exif() -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        j.extend(seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        j.extend(seg(0xE1, b"Exif\0\0GPSLatitude 4.6364 Artist Halima Okafor"));
        j.extend(seg(0xED, b"Photoshop 3.0 IPTC By-line Halima"));
        j.extend(seg(0xFE, b"taken at the Kumba checkpoint"));
        j.extend(seg(0xDB, &[0u8; 65]));
        j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0xD9]);
        j
    }

    #[test]
    fn sniffs_what_phones_and_scanners_make_and_refuses_the_rest() {
        let kind = |b: &[u8]| sniff(b).map(|t| (t.kind, t.ext));
        assert_eq!(kind(&jpeg_with_exif()), Some((EvidenceKind::Photo, "jpg")));
        assert_eq!(kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some((EvidenceKind::Photo, "png")));
        assert_eq!(kind(b"%PDF-1.7\n%\xe2\xe3"), Some((EvidenceKind::Document, "pdf")));
        assert_eq!(kind(b"\0\0\0\x18ftypmp42\0\0\0\0"), Some((EvidenceKind::Video, "mp4")));
        assert_eq!(kind(b"\0\0\0\x18ftypM4A \0\0\0\0"), Some((EvidenceKind::Audio, "m4a")));
        assert_eq!(kind(b"\0\0\0\x18ftypheic\0\0\0\0"), Some((EvidenceKind::Photo, "heic")));
        assert_eq!(kind(b"\0\0\0\x14ftyp3gp4\0\0\0\0"), Some((EvidenceKind::Video, "3gp")));
        assert_eq!(kind(b"OggS\0\x02"), Some((EvidenceKind::Audio, "ogg")));
        assert_eq!(kind(b"#!AMR\n"), Some((EvidenceKind::Audio, "amr")));
        assert_eq!(kind(b"RIFF\0\0\0\0WAVEfmt "), Some((EvidenceKind::Audio, "wav")));
        assert_eq!(kind(b"MZ\x90\0 a program"), None);
        assert_eq!(kind(b"<html><script>"), None);
        assert_eq!(kind(b"PK\x03\x04 a zip"), None);
        assert_eq!(kind(b""), None);
    }

    #[test]
    fn jpeg_loses_exif_iptc_and_comments_and_keeps_the_picture() {
        let j = jpeg_with_exif();
        let clean = strip_metadata("image/jpeg", &j).unwrap();
        for gone in [&b"GPSLatitude"[..], b"Halima", b"checkpoint", b"Exif"] {
            assert!(find(&clean, gone).is_none(), "{}", String::from_utf8_lossy(gone));
        }
        assert!(find(&clean, b"JFIF").is_some(), "JFIF stays");
        let scan = find(&j, &[0xFF, 0xDA]).unwrap();
        assert!(clean.ends_with(&j[scan..]), "the picture data is copied whole");
        assert_eq!(sniff(&clean).map(|t| t.ext), Some("jpg"));
        assert!(matches!(strip_metadata("image/jpeg", &j[..20]), Err(StripError::Damaged(_))));
        // The smallest JPEG a phone might send: no scan, only the end-of-image marker.
        let tiny = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xD9";
        assert_eq!(strip_metadata("image/jpeg", tiny).unwrap(), tiny.to_vec());
    }

    #[test]
    fn png_loses_its_text_chunks() {
        let chunk = |kind: &[u8], body: &[u8]| {
            let mut v = (body.len() as u32).to_be_bytes().to_vec();
            v.extend_from_slice(kind);
            v.extend_from_slice(body);
            v.extend_from_slice(&[0, 0, 0, 0]);
            v
        };
        let mut p = b"\x89PNG\r\n\x1a\n".to_vec();
        p.extend(chunk(b"IHDR", &[0u8; 13]));
        p.extend(chunk(b"tEXt", b"Author\0Halima Okafor"));
        p.extend(chunk(b"eXIf", b"MM\0*GPS"));
        p.extend(chunk(b"caBX", b"c2pa manifest Halima"));
        p.extend(chunk(b"IDAT", b"pixels"));
        p.extend(chunk(b"IEND", b""));
        let clean = strip_metadata("image/png", &p).unwrap();
        assert!(find(&clean, b"Halima").is_none() && find(&clean, b"GPS").is_none());
        assert!(find(&clean, b"pixels").is_some() && find(&clean, b"IEND").is_some());
        assert!(matches!(strip_metadata("image/png", &p[..30]), Err(StripError::Damaged(_))));
    }

    #[test]
    fn pdf_info_and_xmp_are_blanked_in_place() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Title (Report \\(draft\\) on Kumba) /Author (Halima Okafor) /Producer <FEFF0048> /CreationDate (D:20260301) >> endobj\n\
            2 0 obj << /Type /Metadata >> stream\n<x:xmpmeta><dc:creator>Halima</dc:creator></x:xmpmeta>\nendstream\nxref\n0 3\ntrailer << /Info 1 0 R >>\n%%EOF\n";
        let clean = strip_metadata("application/pdf", pdf).unwrap();
        assert_eq!(clean.len(), pdf.len(), "same length: the xref offsets stay right");
        assert!(find(&clean, b"Halima").is_none() && find(&clean, b"Kumba").is_none());
        assert!(find(&clean, b"FEFF0048").is_none());
        assert!(find(&clean, b"/Author (").is_some() && find(&clean, b"trailer << /Info 1 0 R >>").is_some());
        assert!(find(&clean, b"D:2026").is_none(), "dates go too");
        // Where metadata may hide out of reach, no "clean" copy is made.
        for refused in [
            &b"%PDF-1.5\n1 0 obj << /Type /ObjStm /N 3 >> stream\nx\nendstream\n"[..],
            b"%PDF-1.4\n1 0 obj << /Author 7 0 R >> endobj\n",
            b"%PDF-1.4\n3 0 obj << /Filter /DCTDecode >> stream\n\xff\xd8\nendstream\n",
            b"%PDF-1.4\n1 0 obj << /Au#74hor (Halima) >> endobj\n",
            b"%PDF-1.4\n2 0 obj << /Type /Metadata /Filter /FlateDecode >> stream\nxx\nendstream\n",
        ] {
            assert_eq!(
                strip_metadata("application/pdf", refused),
                Err(StripError::Unsupported),
                "{}",
                String::from_utf8_lossy(refused)
            );
        }
        // A hex string that never closes is refused, quickly, not searched to the end each time.
        let mut endless = b"%PDF-1.4\n".to_vec();
        for _ in 0..20_000 {
            endless.extend_from_slice(b"/Author<");
        }
        assert!(matches!(strip_metadata("application/pdf", &endless), Err(StripError::Damaged(_))));
    }

    #[test]
    fn jpeg_trailers_extra_pictures_and_metadata_between_scans_go() {
        let mut j = jpeg_with_exif();
        // A second scan with a comment before it, then a Motion Photo's video after the end.
        let end = j.len() - 2;
        j.truncate(end);
        j.extend(seg(0xFE, b"between scans: Halima"));
        j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x56, 0xFF, 0x00, 0x78, 0xFF, 0xD0, 0x9A]);
        j.extend([0xFF, 0xD9]);
        j.extend(b"\0\0\0\x18ftypmp42 GPS +4.63+9.44 Halima's phone");
        j.extend(seg(0xE2, b"MPF\0multi-picture"));
        let clean = strip_metadata("image/jpeg", &j).unwrap();
        assert!(
            find(&clean, b"Halima").is_none()
                && find(&clean, b"ftyp").is_none()
                && find(&clean, b"MPF").is_none()
        );
        assert!(clean.ends_with(&[0xFF, 0xD9]), "ends at the end of the image");
        assert!(
            find(&clean, &[0x56, 0xFF, 0x00, 0x78, 0xFF, 0xD0, 0x9A]).is_some(),
            "the second scan, stuffing and restarts kept"
        );
        let mut icc = vec![0xFF, 0xD8];
        icc.extend(seg(0xE2, b"ICC_PROFILE\0\x01\x01colour"));
        icc.extend([0xFF, 0xD9]);
        assert!(
            find(&strip_metadata("image/jpeg", &icc).unwrap(), b"colour").is_some(),
            "a colour profile stays"
        );
    }

    #[test]
    fn audio_and_video_are_not_pretended_clean() {
        assert_eq!(strip_metadata("video/mp4", b"\0\0\0\x18ftypmp42"), Err(StripError::Unsupported));
        assert_eq!(strip_metadata("audio/ogg", b"OggS"), Err(StripError::Unsupported));
    }
}
