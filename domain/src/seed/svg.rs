//! Product pictures drawn as SVG: a tinted backdrop, a silhouette for the
//! kind of product in the product's colour, and the brand underneath.
use std::fmt::Write as _;
use std::path::Path;

use super::plan::{DemoImage, DemoPlan};

pub const SIZE: i32 = 800;

pub fn write_images(plan: &DemoPlan, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for product in &plan.products {
        for image in &product.images {
            std::fs::write(dir.join(&image.file), render(image, &product.title))?;
        }
    }
    Ok(())
}

fn silhouette(icon: &str) -> &'static str {
    match icon {
        "tshirt" => "M250 180 L330 150 Q400 190 470 150 L550 180 L640 280 L580 330 L540 300 L540 640 L260 640 L260 300 L220 330 L160 280 Z",
        "shirt" => "M260 170 L340 145 L400 200 L460 145 L540 170 L630 300 L575 340 L540 300 L540 650 L260 650 L260 300 L225 340 L170 300 Z M400 200 L400 650",
        "hoodie" => "M250 200 Q400 90 550 200 L640 330 L585 370 L545 330 L545 650 L255 650 L255 330 L215 370 L160 330 Z",
        "jacket" => "M250 170 L350 140 L400 220 L450 140 L550 170 L640 320 L600 660 L545 660 L545 320 L545 660 L255 660 L255 320 L200 660 L160 320 Z",
        "trousers" => "M280 150 L520 150 L560 660 L440 660 L400 330 L360 660 L240 660 Z",
        "skirt" => "M300 180 L500 180 L600 620 L200 620 Z",
        "shorts" => "M270 220 L530 220 L570 520 L430 540 L400 400 L370 540 L230 520 Z",
        "dress" => "M330 140 L470 140 L490 300 L600 650 L200 650 L310 300 Z",
        "bodysuit" => "M280 170 L350 150 Q400 190 450 150 L520 170 L600 260 L550 300 L520 280 L520 520 L450 600 L350 600 L280 520 L280 280 L250 300 L200 260 Z",
        "pot" => "M200 330 L600 330 L570 600 Q400 650 230 600 Z M160 330 L640 330 L640 300 L160 300 Z M350 260 L450 260 L450 300 L350 300 Z",
        "mug" => "M240 250 L500 250 L480 620 L260 620 Z M500 320 Q620 320 600 430 Q590 520 490 520 L492 480 Q560 480 560 430 Q565 365 497 365 Z",
        "duvet" => "M170 220 L630 220 L630 600 L170 600 Z M170 300 L630 300",
        "pillow" => "M180 280 Q400 220 620 280 Q660 400 620 520 Q400 580 180 520 Q140 400 180 280 Z",
        "vase" => "M340 150 L460 150 L450 230 Q590 330 540 520 Q510 640 400 650 Q290 640 260 520 Q210 330 350 230 Z",
        "candle" => "M290 320 L510 320 L510 640 L290 640 Z M400 300 Q370 240 400 180 Q430 240 400 300 Z",
        "tent" => "M400 170 L660 620 L140 620 Z M400 170 L400 620",
        "bag" => "M260 250 Q260 160 400 160 Q540 160 540 250 L580 640 L220 640 Z M330 380 L470 380 L470 480 L330 480 Z",
        "boot" => "M300 160 L450 160 L460 450 Q620 470 640 560 L640 620 L280 620 L280 450 Z",
        "helmet" => "M170 480 Q170 220 400 200 Q630 220 630 480 L560 480 L540 440 L260 440 L240 480 Z",
        "bottle" => "M360 140 L440 140 L440 210 Q520 250 520 330 L520 630 Q400 660 280 630 L280 330 Q280 250 360 210 Z",
        _ => "M200 200 L600 200 L600 600 L200 600 Z",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn render(image: &DemoImage, title: &str) -> String {
    let mut svg = String::with_capacity(2048);
    let light = image.colour == "#f3f4f6" || image.colour == "#d6c6a8";
    let stroke = if light { "#9ca3af" } else { "none" };
    let (scale, shift) = if image.detail {
        ("1.6", "-240")
    } else {
        ("1", "0")
    };
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" role="img" aria-label="{alt}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f8fafc"/><stop offset="1" stop-color="#e2e8f0"/></linearGradient></defs>
<rect width="{SIZE}" height="{SIZE}" fill="url(#bg)"/>
<g transform="translate({shift} {shift}) scale({scale})"><path d="{path}" fill="{fill}" stroke="{stroke}" stroke-width="6" stroke-linejoin="round"/></g>
<text x="400" y="730" text-anchor="middle" font-family="system-ui, sans-serif" font-size="34" fill="#334155">{caption}</text>
<title>{title}</title>
</svg>
"##,
        alt = escape(&image.alt),
        path = silhouette(image.icon),
        fill = image.colour,
        caption = escape(&image.caption),
        title = escape(title),
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_escaped_valid_looking_svg() {
        let img = DemoImage {
            file: "x.svg".into(),
            alt: "A & B <tee>".into(),
            colour: "#1f2937",
            icon: "tshirt",
            caption: "Aster & Vale".into(),
            detail: false,
        };
        let svg = render(&img, "Tee");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("A &amp; B &lt;tee&gt;"));
        assert!(svg.contains("Aster &amp; Vale"));
        assert!(!svg.contains("<tee>"));
    }
}
