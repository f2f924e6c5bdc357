//! Each locale's catalog is every `.ftl` file in `locales/<code>/`, in name
//! order, joined into one file the crate embeds.
use std::{env, fs, io, path::Path};

fn main() -> io::Result<()> {
    let root = Path::new("locales");
    println!("cargo:rerun-if-changed=locales");
    let out = env::var("OUT_DIR").map_err(io::Error::other)?;
    for locale in fs::read_dir(root)? {
        let locale = locale?.path();
        println!("cargo:rerun-if-changed={}", locale.display());
        let mut files: Vec<_> = fs::read_dir(&locale)?
            .filter_map(|f| f.ok().map(|f| f.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            joined.push_str(&fs::read_to_string(&file)?);
            joined.push('\n');
        }
        let name = locale
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| io::Error::other("locale folder name"))?;
        fs::write(Path::new(&out).join(format!("{name}.ftl")), joined)?;
    }
    Ok(())
}
