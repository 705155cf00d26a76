//! The shape of `src/`, held by a test: every module imports only from layers below
//! its own, no modules import each other in a circle, no file is over 400 lines, and a
//! function over 80 lines says why it is not split. ARCHITECTURE.md describes the
//! layers; keep [`LAYERS`] and it in step.
//!
//! `src/` is read as text: `use` trees are expanded, paths written in code (`crate::`,
//! `super::`, `self::`, a declared child module) are resolved to the module (file) they
//! name, and test code (`#[cfg(test)]` modules) is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may import from its own top-level module and
/// from layers below, never from its own layer's other modules or from above. The
/// binary (`main.rs` and `cli/`) sits on top of the library; `lib.rs` only declares
/// and re-exports.
const LAYERS: &[&[&str]] = &[
    &["base"],
    &["model"],
    &["markdown"],
    &["load"],
    &["state", "theme"],
    &["view"],
    &["render"],
    &["output", "review"],
    &["pipeline", "publish"],
    &["commands"],
    &["cli"],
];

const MAX_FILE_LINES: usize = 400;
const MAX_FUNCTION_LINES: usize = 80;
/// What the comment above a longer function starts with, followed by why.
const LONG_FUNCTION: &str = "// Long function:";

/// One module of `src/`: a file, named like a path (`view/head`, `render`).
struct Module {
    file: PathBuf,
    /// The file's code with test modules, comments and literals blanked out, so
    /// line numbers still match.
    code: String,
    /// Its lines as written, for the length rules.
    lines: Vec<String>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module name of a file under `src/`: `view/head.rs` is `view/head`, and
/// `view/mod.rs` is `view`.
fn module_name(relative: &Path) -> String {
    let name = relative
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/");
    name.strip_suffix("/mod")
        .map_or(name.clone(), str::to_string)
}

/// Every module of `src/`, by name, leaving out files that are test modules
/// (declared `#[cfg(test)] mod NAME;`).
fn modules() -> BTreeMap<String, Module> {
    let root = src();
    let mut all = BTreeMap::new();
    let mut test_files = Vec::new();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let relative = path.strip_prefix(&root).unwrap().to_path_buf();
        let name = module_name(&relative);
        let plain = blank_literals_and_comments(&text);
        test_files.extend(test_children(&plain).iter().map(|c| child_of(&name, c)));
        all.insert(
            name,
            Module {
                file: Path::new("src").join(&relative),
                code: blank_tests(&plain),
                lines: text.lines().map(str::to_string).collect(),
            },
        );
    }
    for name in test_files {
        all.remove(&name);
    }
    all
}

/// `text` with every comment, string and character literal replaced by spaces
/// (newlines kept), so that what is left is code, on the lines it was on.
fn blank_literals_and_comments(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                blank(&mut out, chars[i]);
                i += 1;
            }
            out.push_str("  ");
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && is_raw_string(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let mut j = i + 2 + hashes;
            while j < chars.len() && chars[j..].iter().take(close.len()).ne(close.iter()) {
                j += 1;
            }
            for &c in &chars[i..(j + close.len()).min(chars.len())] {
                blank(&mut out, c);
            }
            i = j + close.len();
        } else if c == '"' {
            blank(&mut out, c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && is_char_literal(&chars, i) {
            let end = chars[i + 1..].iter().position(|&c| c == '\'').unwrap() + i + 1;
            let end = if chars[i + 1] == '\\' && chars[i + 2] == '\'' {
                i + 3
            } else {
                end
            };
            for &c in &chars[i..=end] {
                blank(&mut out, c);
            }
            i = end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether a raw string (`r"…"`, `r#"…"#`) starts at `i` (not an identifier ending
/// in `r`).
fn is_raw_string(chars: &[char], i: usize) -> bool {
    let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
    !after_ident && chars.get(i + 1 + hashes) == Some(&'"')
}

/// Whether a character literal starts at `i`, rather than a lifetime.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i + 1), chars.get(i + 2)),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// `code` with every `#[cfg(test)]` item (an inline test module) blanked out.
fn blank_tests(code: &str) -> String {
    let mut out = code.to_string();
    let mut from = 0;
    while let Some(at) = out[from..].find("#[cfg(test)]").map(|i| i + from) {
        let rest = &out[at..];
        let Some(open) = rest.find(['{', ';']) else {
            break;
        };
        let end = if rest.as_bytes()[open] == b';' {
            at + open + 1
        } else {
            let mut depth = 0;
            let mut end = at + open;
            for (i, c) in out[at + open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = at + open + i + 1;
                    break;
                }
            }
            end
        };
        let blanked: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &blanked);
        from = at + blanked.len();
    }
    out
}

/// The child modules a file declares under `#[cfg(test)]` without a body: files of
/// tests (`#[cfg(test)] mod tests;`).
fn test_children(code: &str) -> Vec<String> {
    code.match_indices("#[cfg(test)]")
        .filter_map(|(at, attribute)| {
            let item = code[at + attribute.len()..].trim_start();
            let item = item.strip_prefix("pub ").unwrap_or(item);
            let (name, _) = item.strip_prefix("mod ")?.split_once(';')?;
            let name = name.trim();
            name.chars()
                .all(|c| c.is_alphanumeric() || c == '_')
                .then(|| name.to_string())
        })
        .collect()
}

/// The module `child` declared in module `parent` (`lib` for the crate root).
fn child_of(parent: &str, child: &str) -> String {
    if parent == "lib" || parent == "main" {
        child.to_string()
    } else {
        format!("{parent}/{child}")
    }
}

/// The parent of a module: `view` for `view/head`, the crate root for `view`.
fn parent_of(module: &str) -> &str {
    match module.rsplit_once('/') {
        Some((parent, _)) => parent,
        None if module == "cli" => "main",
        None => "lib",
    }
}

/// The child modules a file declares (`mod x;`, `pub mod x;`), test modules left out.
fn declared_children(code: &str) -> BTreeSet<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let line = line.strip_prefix("pub ").unwrap_or(line);
            let name = line.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_string())
        })
        .collect()
}

/// Every path a `use` tree names, with the line it is on: `use a::{b, c::{d}}` names
/// `a::b` and `a::c::d`.
fn use_paths(code: &str) -> Vec<(usize, String)> {
    let mut paths = Vec::new();
    let mut rest = code;
    let mut offset = 0;
    while let Some(at) = find_use(rest) {
        let start = offset + at;
        let tree_start = start + 4;
        let Some(end) = code[tree_start..].find(';').map(|e| e + tree_start) else {
            break;
        };
        let line = code[..start].matches('\n').count() + 1;
        let tree = normalized(&code[tree_start..end]);
        for path in expand(&tree) {
            paths.push((line, path));
        }
        offset = end;
        rest = &code[end..];
    }
    paths
}

/// A `use` tree with no white space but the one around `as`: `a::{b as c, d}` is
/// `a::{b as c,d}`.
fn normalized(tree: &str) -> String {
    let words: Vec<&str> = tree.split_whitespace().collect();
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if *word == "as" || words.get(i.wrapping_sub(1)) == Some(&"as") {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Where the next `use` item starts in `code`.
fn find_use(code: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = code[from..].find("use ").map(|i| i + from) {
        let before = code[..at].trim_end_matches([' ', '\t']);
        let starts_item = before.is_empty()
            || before.ends_with('\n')
            || before.ends_with("pub")
            || before.ends_with("pub(crate)")
            || before.ends_with("pub(super)")
            || before.ends_with('{')
            || before.ends_with(';')
            || before.ends_with('}');
        if starts_item {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// The paths of a [`normalized`] `use` tree.
fn expand(tree: &str) -> Vec<String> {
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        return vec![path.trim_end_matches("::*").to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|part| {
            expand(part)
                .into_iter()
                .map(|p| {
                    if p == "self" {
                        prefix.trim_end_matches("::").to_string()
                    } else {
                        format!("{prefix}{p}")
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every `crate::…`, `super::…` and `self::…` path written in code outside `use`
/// items, with its line.
fn code_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("use ") || trimmed.starts_with("pub use ") {
            continue;
        }
        let bytes = line.as_bytes();
        for start in ["crate::", "super::", "self::", "crisis_site::"] {
            let mut from = 0;
            while let Some(at) = line[from..].find(start).map(|a| a + from) {
                // `$crate::` in a macro's body is resolved where the macro is used.
                let ident_before = at > 0
                    && (bytes[at - 1].is_ascii_alphanumeric()
                        || bytes[at - 1] == b'_'
                        || bytes[at - 1] == b'$');
                let end = line[at..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .map_or(line.len(), |e| at + e);
                if !ident_before {
                    found.push((i + 1, line[at..end].trim_end_matches(':').to_string()));
                }
                from = end.max(at + start.len());
            }
        }
    }
    found
}

/// The module a path written in `module` names: the deepest module of `names` it
/// goes through, or `None` for a path outside the crate (`std::…`, a dependency).
fn resolve(
    module: &str,
    path: &str,
    names: &BTreeSet<String>,
    children: &BTreeSet<String>,
) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").collect();
    let mut base: Vec<String> = match parts.first().copied() {
        Some("crate") => {
            parts.remove(0);
            Vec::new()
        }
        Some("crisis_site") => return Some("lib".to_string()),
        Some("super") => {
            parts.remove(0);
            let parent = parent_of(module);
            if parent == "lib" || parent == "main" {
                Vec::new()
            } else {
                parent.split('/').map(str::to_string).collect()
            }
        }
        Some("self") => {
            parts.remove(0);
            module.split('/').map(str::to_string).collect()
        }
        Some(first) if children.contains(first) => {
            if module == "lib" || module == "main" {
                Vec::new()
            } else {
                module.split('/').map(str::to_string).collect()
            }
        }
        _ => return None,
    };
    let mut deepest = if base.is_empty() {
        if module == "main" || module.starts_with("cli") {
            "main".to_string()
        } else {
            "lib".to_string()
        }
    } else {
        base.join("/")
    };
    for part in parts {
        base.push(part.to_string());
        let candidate = base.join("/");
        if names.contains(&candidate) {
            deepest = candidate;
        } else {
            break;
        }
    }
    Some(deepest)
}

/// The top-level module of a module: `view` for `view/head`; the binary's root
/// `main` is part of `cli`.
fn top(module: &str) -> &str {
    match module.split('/').next().unwrap_or(module) {
        "main" => "cli",
        top => top,
    }
}

/// The layer of a top-level module, if it has one.
fn layer(top: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&top))
}

/// The macros exported at the crate root (`#[macro_export]`), by the module that
/// defines them: `crate::NAME` names that module, not the root.
fn exported_macros(modules: &BTreeMap<String, Module>) -> BTreeMap<String, String> {
    let mut macros = BTreeMap::new();
    for (name, module) in modules {
        let mut exported = false;
        for line in module.code.lines().map(str::trim) {
            if line == "#[macro_export]" {
                exported = true;
            } else if let Some(rest) = line.strip_prefix("macro_rules! ")
                && exported
            {
                let macro_name = rest.trim_end_matches(|c: char| c == '{' || c.is_whitespace());
                macros.insert(format!("crate::{macro_name}"), name.clone());
                exported = false;
            }
        }
    }
    macros
}

/// Every import of every module: (module, line, path as written, module it names).
fn imports(modules: &BTreeMap<String, Module>) -> Vec<(String, usize, String, String)> {
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let macros = exported_macros(modules);
    let mut all = Vec::new();
    for (name, module) in modules {
        let children = declared_children(&module.code);
        let paths = use_paths(&module.code)
            .into_iter()
            .chain(code_paths(&module.code));
        for (line, path) in paths {
            let target = match macros.get(&path) {
                Some(defined_in) => Some(defined_in.clone()),
                None => resolve(name, &path, &names, &children),
            };
            if let Some(target) = target
                && target != *name
            {
                all.push((name.clone(), line, path, target));
            }
        }
    }
    all
}

#[test]
fn every_module_imports_only_from_layers_below_its_own() {
    let modules = modules();
    let mut wrong = Vec::new();
    for name in modules.keys() {
        let top = top(name);
        if name != "lib" && layer(top).is_none() {
            wrong.push(format!(
                "{}: module `{top}` is in no layer; add it to LAYERS in tests/layers.rs (and to ARCHITECTURE.md)",
                modules[name].file.display()
            ));
        }
    }
    for (module, line, path, target) in imports(&modules) {
        let (from, to) = (top(&module), top(&target));
        if module == "lib" || from == to {
            continue;
        }
        let file = modules[&module].file.display();
        if target == "lib" {
            if from != "cli" {
                wrong.push(format!(
                    "{file}:{line}: `{path}` goes through the crate root; import from the module that defines it"
                ));
            }
            continue;
        }
        let (Some(below), Some(above)) = (layer(to), layer(from)) else {
            continue;
        };
        if below >= above {
            wrong.push(format!(
                "{file}:{line}: `{path}` imports from `{to}` (layer {below}) into `{from}` (layer {above}); a module imports only from layers below its own ({})",
                LAYERS[..above]
                    .iter()
                    .map(|l| l.join(", "))
                    .collect::<Vec<_>>()
                    .join(" < ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_modules_import_each_other_in_a_circle() {
    let modules = modules();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules
        .keys()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for (module, _, _, target) in imports(&modules) {
        if modules.contains_key(&target) {
            graph.get_mut(&module).unwrap().insert(target);
        }
    }
    let circles: Vec<String> = strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            c.iter()
                .map(|m| modules[m].file.display().to_string())
                .collect::<Vec<_>>()
                .join(" <-> ")
        })
        .collect();
    assert!(
        circles.is_empty(),
        "modules that import each other, directly or through others (move what both need into a module of its own):\n{}",
        circles.join("\n")
    );
}

/// Tarjan's strongly connected components of `graph`.
fn strongly_connected(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in &self.graph[v] {
                if !self.index.contains_key(w.as_str()) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w.as_str()]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w.as_str()) {
                    let low = self.low[v].min(self.index[w.as_str()]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                component.sort();
                self.found.push(component);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn no_file_is_over_400_lines() {
    let long: Vec<String> = modules()
        .values()
        .filter(|m| m.lines.len() > MAX_FILE_LINES)
        .map(|m| format!("{}: {} lines", m.file.display(), m.lines.len()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines; split each into modules of one concept:\n{}",
        long.join("\n")
    );
}

#[test]
fn a_function_over_80_lines_says_why_it_is_not_split() {
    let mut long = Vec::new();
    for module in modules().values() {
        let code: Vec<&str> = module.code.lines().collect();
        for (start, line) in code.iter().enumerate() {
            let Some(indent) = function_start(line) else {
                continue;
            };
            let close = " ".repeat(indent) + "}";
            let Some(length) = code[start..]
                .iter()
                .position(|l| l.trim_end() == close)
                .map(|end| end + 1)
            else {
                continue;
            };
            let explained = module.lines[..start]
                .iter()
                .rev()
                .take_while(|l| {
                    let l = l.trim_start();
                    l.starts_with("//") || l.starts_with("#[")
                })
                .any(|l| l.trim_start().starts_with(LONG_FUNCTION));
            if length > MAX_FUNCTION_LINES && !explained {
                long.push(format!(
                    "{}:{}: a function of {length} lines",
                    module.file.display(),
                    start + 1
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines; split each, or say above it why splitting would hurt reading (`{LONG_FUNCTION} …`):\n{}",
        long.join("\n")
    );
}

/// The indent of a function item that starts on `line` and has a body.
fn function_start(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let fn_at = words.iter().position(|w| *w == "fn")?;
    let modifiers = [
        "pub",
        "pub(crate)",
        "pub(super)",
        "async",
        "const",
        "unsafe",
    ];
    let all_modifiers = words[..fn_at].iter().all(|w| modifiers.contains(w));
    (all_modifiers && !trimmed.ends_with(';')).then_some(indent)
}

/// The checks above must see what they are meant to: an upward import, a circle and
/// a test module are recognised in code written for the purpose.
#[test]
fn the_checks_read_imports_as_written() {
    let code = blank_literals_and_comments(
        "use crate::{render::Plan as P, view::{self, head}};\n\
         // use crate::commands;\n\
         fn f() { let s = \"crate::output\"; crate::theme::Key::all(); }\n\
         #[cfg(test)]\nmod tests { use crate::pipeline; }\n",
    );
    let code = blank_tests(&code);
    let mut paths: Vec<String> = use_paths(&code)
        .into_iter()
        .chain(code_paths(&code))
        .map(|(line, p)| format!("{line}:{p}"))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "1:crate::render::Plan",
            "1:crate::view",
            "1:crate::view::head",
            "3:crate::theme::Key::all",
        ]
    );
    let names: BTreeSet<String> = ["render", "render/plan", "view", "view/head", "theme"]
        .map(String::from)
        .into();
    let resolved = resolve(
        "model/site",
        "crate::render::Plan",
        &names,
        &BTreeSet::new(),
    );
    assert_eq!(resolved.as_deref(), Some("render"));
    let sibling = resolve("render/plan", "super::view", &names, &BTreeSet::new());
    assert_eq!(sibling.as_deref(), Some("render"));
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    let circles: Vec<Vec<String>> = strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect();
    assert_eq!(circles, [["a", "b", "c"]]);
}
