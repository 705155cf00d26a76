//! The message catalogs hold each other and the code to account: every message exists
//! in every language with the same values, and every `msg!` of `src/` names a message
//! of the catalogs with exactly the values the catalog's words use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

const LANGS: [&str; 2] = ["ja", "en"];

/// Each message of a catalog folder: its file and the values its words name.
type Catalog = BTreeMap<String, (String, BTreeSet<String>)>;

fn catalog(lang: &str) -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("messages")
        .join(lang);
    let mut messages = Catalog::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("messages/{lang}/{name}: {errors:?}"));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(pattern) = &m.value {
                        pattern_vars(pattern, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    let earlier = messages.insert(id.clone(), (name.clone(), vars));
                    assert!(
                        earlier.is_none(),
                        "messages/{lang}: `{id}` is defined twice"
                    );
                }
                Entry::Junk { content } => panic!("messages/{lang}/{name}: junk {content:?}"),
                _ => {}
            }
        }
    }
    messages
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_message_exists_in_every_language_with_the_same_values() {
    let [ja, en] = LANGS.map(catalog);
    let mut wrong = Vec::new();
    for (id, (file, vars)) in &en {
        match ja.get(id) {
            None => wrong.push(format!(
                "`{id}` (messages/en/{file}) is missing from messages/ja"
            )),
            Some((ja_file, _)) if ja_file != file => wrong.push(format!(
                "`{id}` is in messages/en/{file} but messages/ja/{ja_file}"
            )),
            Some((_, ja_vars)) if ja_vars != vars => wrong.push(format!(
                "`{id}` names {vars:?} in English but {ja_vars:?} in Japanese"
            )),
            _ => {}
        }
    }
    for (id, (file, _)) in &ja {
        if !en.contains_key(id) {
            wrong.push(format!(
                "`{id}` (messages/ja/{file}) is missing from messages/en"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every `msg!("id", a, b = …)` in `src/`: the id, the names of its values, where.
fn uses() -> Vec<(String, BTreeSet<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // Examples in doc comments are not calls.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let file = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        let mut rest = code.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = rest[at + 5..].trim_start();
            let Some(quoted) = rest.strip_prefix('"') else {
                continue;
            };
            let (id, after) = quoted.split_once('"').unwrap();
            found.push((id.to_string(), arg_names(after), file.clone()));
        }
    }
    found
}

/// The names of the values of one `msg!` call, from the text after its id: each
/// top-level `, name` or `, name = value` up to the closing parenthesis.
fn arg_names(after_id: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut arg_start = None;
    let mut chars = after_id.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' if in_string => in_string = false,
            '\\' if in_string => {
                chars.next();
            }
            _ if in_string => {}
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                if let Some(start) = arg_start {
                    names.insert(arg_name(&after_id[start..i]));
                }
                break;
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                if let Some(start) = arg_start {
                    names.insert(arg_name(&after_id[start..i]));
                }
                arg_start = Some(i + 1);
            }
            _ => {}
        }
    }
    names.remove("");
    names
}

fn arg_name(arg: &str) -> String {
    arg.split('=').next().unwrap().trim().to_string()
}

#[test]
fn every_message_the_code_names_is_in_the_catalog_with_its_values() {
    let en = catalog("en");
    let mut wrong = Vec::new();
    let mut used = BTreeSet::new();
    for (id, names, file) in uses() {
        match en.get(&id) {
            None => wrong.push(format!("src/{file}: `{id}` is not in messages/en")),
            Some((_, vars)) if *vars != names => wrong.push(format!(
                "src/{file}: `{id}` is given {names:?}, but its words name {vars:?}"
            )),
            _ => {}
        }
        used.insert(id);
    }
    for id in en.keys() {
        if !used.contains(id) {
            wrong.push(format!("`{id}` is in the catalogs but no code says it"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
