// The parser: Rust's grammar and precedence for the subset, a tree with spans, rustc's wording
// for mistakes with one message per mistake, and refusals that name what the subset leaves out.
#include "lang/parser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lang/lexer.hpp"

namespace {

using namespace wakeline::lang;

struct parsed {
  program tree;
  std::vector<std::string> errors;
};

parsed parse_text(const std::string& text) {
  const source_file f("main.rs", text);
  diagnostics problems;
  parsed out;
  out.tree = parse(f, lex(f, problems), problems);
  for (const diagnostic& d : problems.all()) out.errors.push_back(d.message);
  return out;
}

// An expression as an s-expression, enough to see its shape and precedence.
std::string dump(const expr& e);

std::string dump_items(const std::vector<expr_ptr>& items) {
  std::string s;
  for (const expr_ptr& i : items) s += " " + dump(*i);
  return s;
}

std::string dump_path(const path_ref& p) {
  std::string s;
  for (const ident& i : p.segments) s += (s.empty() ? "" : "::") + i.name;
  return s;
}

std::string dump(const expr& e) {
  static const char* binary_names[] = {"+",  "-",  "*",  "/", "%",  "&", "|",  "^",  "<<",
                                       ">>", "==", "!=", "<", "<=", ">", ">=", "&&", "||"};
  static const char* unary_names[] = {"neg", "not", "deref", "ref", "ref-mut"};
  switch (e.kind) {
    case expr_kind::integer:
      return e.text;
    case expr_kind::string:
      return "\"" + e.text + "\"";
    case expr_kind::boolean:
      return e.flag ? "true" : "false";
    case expr_kind::unit:
      return "()";
    case expr_kind::path:
      return dump_path(e.path);
    case expr_kind::call:
      return "(call " + dump(*e.lhs) + dump_items(e.items) + ")";
    case expr_kind::method_call:
      return "(." + e.name.name + " " + dump(*e.lhs) + dump_items(e.items) + ")";
    case expr_kind::field:
      return "(field " + dump(*e.lhs) + " " + e.name.name + ")";
    case expr_kind::tuple_field:
      return "(field " + dump(*e.lhs) + " " + e.name.name + ")";
    case expr_kind::index:
      return "(index " + dump(*e.lhs) + " " + dump(*e.rhs) + ")";
    case expr_kind::await_:
      return "(await " + dump(*e.lhs) + ")";
    case expr_kind::try_:
      return "(? " + dump(*e.lhs) + ")";
    case expr_kind::unary:
      return "(" + std::string(unary_names[static_cast<int>(e.unary)]) + " " + dump(*e.lhs) + ")";
    case expr_kind::binary:
      return "(" + std::string(binary_names[static_cast<int>(e.binary)]) + " " + dump(*e.lhs) +
             " " + dump(*e.rhs) + ")";
    case expr_kind::assign:
      return "(= " + dump(*e.lhs) + " " + dump(*e.rhs) + ")";
    case expr_kind::compound_assign:
      return "(" + std::string(binary_names[static_cast<int>(e.binary)]) + "= " + dump(*e.lhs) +
             " " + dump(*e.rhs) + ")";
    case expr_kind::cast:
      return "(as " + dump(*e.lhs) + " " + e.type.path.back().name + ")";
    case expr_kind::range:
      return std::string("(") + (e.flag ? "..=" : "..") + (e.lhs ? " " + dump(*e.lhs) : "") +
             (e.rhs ? " " + dump(*e.rhs) : "") + ")";
    case expr_kind::tuple:
      return "(tuple" + dump_items(e.items) + ")";
    case expr_kind::struct_literal: {
      std::string s = "(struct " + dump_path(e.path);
      for (const field_init& f : e.fields)
        s += " " + f.name.name + (f.value ? "=" + dump(*f.value) : "");
      return s + ")";
    }
    case expr_kind::array:
      return "(array" + dump_items(e.items) + ")";
    case expr_kind::block:
      return "{block}";
    case expr_kind::async_block:
      return e.flag ? "{async move}" : "{async}";
    case expr_kind::if_:
      return "(if " + dump(*e.lhs) + ")";
    case expr_kind::if_let:
      return "(if-let " + dump(*e.lhs) + ")";
    case expr_kind::match:
      return "(match " + dump(*e.lhs) + " " + std::to_string(e.arms.size()) + ")";
    case expr_kind::while_:
      return "(while " + dump(*e.lhs) + ")";
    case expr_kind::while_let:
      return "(while-let " + dump(*e.lhs) + ")";
    case expr_kind::loop:
      return "(loop)";
    case expr_kind::for_:
      return "(for " + dump(*e.lhs) + ")";
    case expr_kind::break_:
      return e.rhs ? "(break " + dump(*e.rhs) + ")" : "(break)";
    case expr_kind::continue_:
      return "(continue)";
    case expr_kind::return_:
      return e.rhs ? "(return " + dump(*e.rhs) + ")" : "(return)";
    case expr_kind::macro:
      return "(" + dump_path(e.path) + "!" + dump_items(e.items) +
             (e.repeat_count ? "; " + dump(*e.repeat_count) : "") +
             (e.branches.empty() ? "" : " " + std::to_string(e.branches.size()) + " branches") +
             ")";
  }
  return "?";
}

// The tail expression of `fn f() { <text> }`.
std::string expression(const std::string& text) {
  const parsed p = parse_text("fn f() { " + text + " }");
  EXPECT_TRUE(p.errors.empty()) << text << ": " << (p.errors.empty() ? "" : p.errors[0]);
  if (p.tree.functions.empty() || !p.tree.functions[0].body.tail) return "<none>";
  return dump(*p.tree.functions[0].body.tail);
}

TEST(Parser, FollowsRustsPrecedence) {
  EXPECT_EQ(expression("a + b * c - d"), "(- (+ a (* b c)) d)");
  EXPECT_EQ(expression("a || b && c == d"), "(|| a (&& b (== c d)))");
  EXPECT_EQ(expression("x as u64 * 2"), "(* (as x u64) 2)");
  EXPECT_EQ(expression("-a.b().await?"), "(neg (? (await (.b a))))");
  EXPECT_EQ(expression("!done && n % 2 == 0"), "(&& (not done) (== (% n 2) 0))");
  EXPECT_EQ(expression("x = y = 1"), "(= x (= y 1))");
  EXPECT_EQ(expression("total += v[i].0"), "(+= total (field (index v i) 0))");
  EXPECT_EQ(expression("0..n + 1"), "(.. 0 (+ n 1))");
  EXPECT_EQ(expression("a << 2 | b & c ^ d"), "(| (<< a 2) (^ (& b c) d))");
}

TEST(Parser, ReadsPathsCallsMacrosAndLiterals) {
  EXPECT_EQ(expression("tokio::spawn(async move { work(3) })"), "(call tokio::spawn {async move})");
  EXPECT_EQ(expression("Duration::from_millis(10)"), "(call Duration::from_millis 10)");
  EXPECT_EQ(expression("Vec::<u32>::new()"), "(call Vec::new)");
  EXPECT_EQ(expression("println!(\"{} {x:>4}\", a, b + 1)"), "(println! \"{} {x:>4}\" a (+ b 1))");
  EXPECT_EQ(expression("vec![0; n]"), "(vec! 0; n)");
  EXPECT_EQ(expression("vec![1, 2, 3,]"), "(vec! 1 2 3)");
  EXPECT_EQ(expression("tokio::join!(a, b)"), "(tokio::join! a b)");
  EXPECT_EQ(expression("Countdown { left: 3, waker: None }"),
            "(struct Countdown left=3 waker=None)");
  EXPECT_EQ(expression("(1, \"a\\tb\\u{e9}\", true)"), "(tuple 1 \"a\tb\xC3\xA9\" true)");
}

TEST(Parser, KnowsWhereABraceStartsABlockRatherThanAStructLiteral) {
  EXPECT_EQ(expression("if x == Limit { 1 } else { 2 }"), "(if (== x Limit))");
  EXPECT_EQ(expression("for i in 0..n { }"), "(for (.. 0 n))");
  EXPECT_EQ(expression("while let Some(v) = rx.recv().await { }"),
            "(while-let (await (.recv rx)))");
}

TEST(Parser, ReadsSelectWithItsOwnSyntax) {
  const parsed p = parse_text(R"(async fn f() {
    tokio::select! {
        biased;
        Some(v) = rx.recv() => println!("{}", v),
        _ = sleep(d), if armed => { stop = true; }
        else => {}
    }
})");
  ASSERT_TRUE(p.errors.empty()) << p.errors[0];
  // Written with braces and last in its block, the macro is the block's value.
  ASSERT_NE(p.tree.functions[0].body.tail, nullptr);
  const expr& select = *p.tree.functions[0].body.tail;
  ASSERT_EQ(select.kind, expr_kind::macro);
  EXPECT_TRUE(select.flag);  // biased
  ASSERT_EQ(select.branches.size(), 3u);
  EXPECT_EQ(select.branches[0].pat->kind, pattern_kind::tuple_struct);
  EXPECT_NE(select.branches[1].guard, nullptr);
  EXPECT_EQ(select.branches[2].future, nullptr);  // else
}

TEST(Parser, ReadsAWholeProgramWithAHandWrittenFuture) {
  const parsed p = parse_text(R"(use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use tokio::time::{sleep, Duration};

struct Countdown {
    left: u32,
    waker: Option<Waker>,
}

impl Future for Countdown {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 {
            return Poll::Ready(7);
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn step(n: u64) -> Result<u64, String> {
    sleep(Duration::from_millis(n)).await;
    let v: Vec<Vec<u32>> = Vec::new();
    match n {
        0 => Err("zero".to_string()),
        1..=9 | 42 => Ok(n * 2),
        _ => Ok(v.len() as u64),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(4);
    let handle = tokio::spawn(async move {
        for i in 0..3 {
            tx.send(i).await.unwrap();
        }
    });
    while let Some(v) = rx.recv().await {
        println!("got {v}");
    }
    let left = Countdown { left: 3, waker: None }.await;
    handle.await.unwrap();
    if let Ok(x) = step(left as u64).await { println!("{}", x); } else { panic!("no"); }
}
)");
  ASSERT_TRUE(p.errors.empty()) << p.errors[0];
  EXPECT_EQ(p.tree.uses.size(), 4u);
  EXPECT_EQ(p.tree.uses[2].paths.size(), 3u);  // Context, Poll, Waker
  EXPECT_EQ(p.tree.uses[2].paths[1].back().name, "Poll");
  ASSERT_EQ(p.tree.structs.size(), 1u);
  EXPECT_EQ(p.tree.structs[0].fields.size(), 2u);
  ASSERT_EQ(p.tree.impls.size(), 1u);
  ASSERT_TRUE(p.tree.impls[0].trait.has_value());
  EXPECT_EQ(p.tree.impls[0].trait->path.back().name, "Future");
  EXPECT_EQ(p.tree.impls[0].associated_types.at(0).first.name, "Output");
  const function& poll = p.tree.impls[0].functions.at(0);
  EXPECT_TRUE(poll.params[0].is_self);
  EXPECT_TRUE(poll.params[0].pat->is_mut);
  EXPECT_EQ(poll.params[0].type.path.back().name, "Pin");
  ASSERT_EQ(p.tree.functions.size(), 2u);
  const function& main = p.tree.functions[1];
  EXPECT_TRUE(main.is_async);
  ASSERT_EQ(main.attributes.size(), 1u);
  EXPECT_EQ(main.attributes[0].path.back().name, "main");
  EXPECT_EQ(main.attributes[0].arguments, "flavor = \"current_thread\"");
  EXPECT_EQ(main.body.statements.size(), 5u);
  ASSERT_NE(main.body.tail, nullptr);
  EXPECT_EQ(main.body.tail->kind, expr_kind::if_let);
  EXPECT_EQ(main.body.statements[0].let.pat->kind, pattern_kind::tuple);
  EXPECT_TRUE(main.body.statements[0].let.pat->items[1]->is_mut);
}

TEST(Parser, SaysWhatWasExpectedAndGoesOnAfterTheStatement) {
  const parsed p = parse_text("fn f() {\n  let x = 5\n  let y = ;\n  g(x, y);\n}\n");
  EXPECT_EQ(p.errors, (std::vector<std::string>{"expected `;`, found `let`",
                                                "expected expression, found `;`"}));
  ASSERT_EQ(p.tree.functions.size(), 1u);
}

TEST(Parser, PointsJustAfterThePreviousTokenAsRustcDoes) {
  const source_file f("main.rs", "fn f() {\n    let x = 5\n}\n");
  diagnostics problems;
  parse(f, lex(f, problems), problems);
  ASSERT_EQ(problems.all().size(), 1u);
  EXPECT_EQ(render(problems.all()[0], f),
            "error: expected `;`, found `}`\n"
            " --> main.rs:2:14\n"
            "  |\n"
            "2 |     let x = 5\n"
            "  |              ^ expected `;`\n");
}

TEST(Parser, NamesWhatTheSubsetLeavesOut) {
  EXPECT_EQ(parse_text("fn f() { let g = |x| x + 1; }").errors,
            (std::vector<std::string>{"closures are not part of this subset"}));
  EXPECT_EQ(parse_text("enum E { A }").errors,
            (std::vector<std::string>{"`enum` items are not part of this subset"}));
  EXPECT_EQ(parse_text("fn id<T>(t: T) -> T { t }").errors,
            (std::vector<std::string>{"generic functions are not part of this subset"}));
  EXPECT_EQ(parse_text("fn f() { dbg!(1); }").errors,
            (std::vector<std::string>{"the macro `dbg!` is not part of this subset"}));
  EXPECT_EQ(parse_text("fn f() { fn g() {} }").errors,
            (std::vector<std::string>{"items inside functions are not part of this subset"}));
  EXPECT_EQ(parse_text("fn f() { if a < b < c {} }").errors,
            (std::vector<std::string>{"comparison operators cannot be chained"}));
  EXPECT_EQ(parse_text("fn f() { let Some(x) = y else { return; }; }").errors,
            (std::vector<std::string>{"`let ... else` is not part of this subset"}));
}

TEST(Parser, OneMistakePerItemThenTheNextItem) {
  const parsed p = parse_text("fn broken( { }\nstruct Ok { a: u32 }\nasync fn fine() {}\n");
  EXPECT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.tree.structs.size(), 1u);
  ASSERT_EQ(p.tree.functions.size(), 1u);
  EXPECT_EQ(p.tree.functions[0].name.name, "fine");
}

TEST(Parser, RefusesDeepNestingWithOneMessageAndNoRecursionToTheEnd) {
  for (const std::string& open : {std::string("("), std::string("{"), std::string("[")}) {
    const std::string close = open == "(" ? ")" : open == "{" ? "}" : "]";
    std::string deep = "fn f() { let x = ";
    for (int i = 0; i < 10000; ++i) deep += open;
    for (int i = 0; i < 10000; ++i) deep += close;
    deep += "; }";
    const parsed p = parse_text(deep);
    ASSERT_EQ(p.errors.size(), 1u) << open;
    EXPECT_EQ(p.errors[0], "this program nests too deeply: more than 128 levels");
  }
}

TEST(Parser, SurvivesEndsOfFileAnywhere) {
  const std::string program =
      "async fn main() { let v = vec![1, 2]; for x in v { println!(\"{}\", x); } }";
  for (std::size_t cut = 0; cut < program.size(); ++cut) {
    const parsed p = parse_text(program.substr(0, cut));
    if (cut > 0) {
      EXPECT_FALSE(p.errors.empty()) << cut;
    }
  }
  EXPECT_TRUE(parse_text(program).errors.empty());
}

}  // namespace
