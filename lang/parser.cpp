#include "parser.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace wakeline::lang {

namespace {

using enum token_kind;

// Thrown to abandon the statement or item being parsed once its error is recorded; caught
// where the parser can start again (the next statement, the next item).
struct abandon {};

// The macros of the subset, by their last path segment; the checker knows their meaning.
bool is_known_macro(std::string_view name) {
  for (std::string_view known :
       {"println", "print", "eprintln", "format", "panic", "assert", "assert_eq", "assert_ne",
        "unreachable", "todo", "vec", "join", "select", "pin"}) {
    if (name == known) return true;
  }
  return false;
}

// The value of a string literal whose escapes the lexer has checked.
std::string unescape(std::string_view literal) {
  std::string out;
  const std::string_view body = literal.substr(1, literal.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char c = body[++i];
    switch (c) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case '0':
        out += '\0';
        break;
      case '\\':
      case '\'':
      case '"':
        out += c;
        break;
      case 'x':
        out += static_cast<char>(std::stoi(std::string(body.substr(i + 1, 2)), nullptr, 16));
        i += 2;
        break;
      case 'u': {
        const std::size_t close = body.find('}', i);
        std::string digits;
        for (char d : body.substr(i + 2, close - i - 2)) {
          if (d != '_') digits += d;
        }
        const auto code = static_cast<std::uint32_t>(std::stoul(digits, nullptr, 16));
        if (code < 0x80) {
          out += static_cast<char>(code);
        } else if (code < 0x800) {
          out += static_cast<char>(0xC0 | (code >> 6));
          out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
          out += static_cast<char>(0xE0 | (code >> 12));
          out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
          out += static_cast<char>(0xF0 | (code >> 18));
          out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
          out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (code & 0x3F));
        }
        i = close;
        break;
      }
      case '\n':
        // A line continuation: the break and the next line's leading whitespace go.
        while (i + 1 < body.size() && (body[i + 1] == ' ' || body[i + 1] == '\t' ||
                                       body[i + 1] == '\n' || body[i + 1] == '\r')) {
          ++i;
        }
        break;
      default:
        break;
    }
  }
  return out;
}

// Expressions that end in a block need no `;` to end a statement (`if`, `match`, loops, blocks).
bool ends_with_block(const expr& e) {
  switch (e.kind) {
    case expr_kind::block:
    case expr_kind::if_:
    case expr_kind::if_let:
    case expr_kind::match:
    case expr_kind::while_:
    case expr_kind::while_let:
    case expr_kind::loop:
    case expr_kind::for_:
      return true;
    case expr_kind::macro:
      return e.braces;
    default:
      return false;
  }
}

class parser {
 public:
  parser(const source_file& source, std::vector<token>& tokens, diagnostics& out)
      : source_(source), tokens_(tokens), out_(out) {}

  program run() {
    program p;
    while (!at(end_of_file)) {
      const std::size_t start = pos_;
      try {
        item(p);
      } catch (const abandon&) {
        if (too_deep_) break;
        // Past at least one token, so that an item that fails where it starts cannot fail there
        // again forever.
        if (pos_ == start) advance();
        skip_to_next_item();
      }
    }
    return p;
  }

 private:
  // Reading tokens.

  const token& peek(std::size_t ahead = 0) const {
    const std::size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  bool at(token_kind kind, std::size_t ahead = 0) const { return peek(ahead).kind == kind; }
  const token& advance() {
    const token& t = peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool eat(token_kind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
  }
  std::string_view text(const token& t) const { return source_.text(t.span); }
  std::uint32_t previous_end() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].span.end; }
  span from(std::uint32_t begin) const { return {begin, std::max(begin, previous_end())}; }

  // Errors.

  [[noreturn]] void fail(span where, std::string message, std::string label = {}) {
    out_.error(where, std::move(message), std::move(label));
    throw abandon{};
  }

  // `expected `;`, found `}``, pointing just after the previous token, as rustc does.
  [[noreturn]] void expected(std::string_view what) {
    const std::uint32_t after = previous_end();
    fail({after, after}, "expected " + std::string(what) + ", found " + found_text(),
         "expected " + std::string(what));
  }

  // How the next token is named in "expected X, found Y".
  std::string found_text() const {
    const token& t = peek();
    if (t.kind == end_of_file) return "end of file";
    if (t.kind == identifier || t.kind == integer) return "`" + std::string(text(t)) + "`";
    return std::string(describe(t.kind));
  }

  const token& expect(token_kind kind) {
    if (!at(kind)) expected(describe(kind));
    return advance();
  }

  ident expect_identifier() {
    if (!at(identifier)) expected("identifier");
    const token& t = advance();
    return {std::string(text(t)), t.span};
  }

  // Skips to the start of the next item: after a `;` or a `}` at depth 0, or at `fn`, `struct`,
  // `impl`, `use`, `#`.
  void skip_to_next_item() {
    int depth = 0;
    while (!at(end_of_file)) {
      const token_kind k = peek().kind;
      if (depth == 0 && (k == kw_fn || k == kw_struct || k == kw_impl || k == kw_use ||
                         k == pound || k == kw_async || k == kw_const)) {
        return;
      }
      advance();
      if (k == open_brace) ++depth;
      if (k == close_brace && --depth <= 0) return;
      if (k == semicolon && depth == 0) return;
    }
  }

  // Skips the rest of a statement: to its `;`, or to the `}` that closes the block (left for
  // the block to read).
  void skip_to_statement_end() {
    int depth = 0;
    while (!at(end_of_file)) {
      const token_kind k = peek().kind;
      if (k == close_brace && depth == 0) return;
      advance();
      if (k == open_brace || k == open_paren || k == open_bracket) ++depth;
      if (k == close_brace || k == close_paren || k == close_bracket) --depth;
      if (k == semicolon && depth == 0) return;
    }
  }

  // Nesting: every recursive production goes through one, so a program cannot recurse the
  // parser out of its stack.
  class nested {
   public:
    explicit nested(parser& p) : p_(p) {
      if (++p_.depth_ > max_nesting) {
        p_.too_deep_ = true;
        p_.fail(p_.peek().span, "this program nests too deeply: more than " +
                                    std::to_string(max_nesting) + " levels");
      }
    }
    ~nested() { --p_.depth_; }
    nested(const nested&) = delete;
    nested& operator=(const nested&) = delete;

   private:
    parser& p_;
  };

  // Items.

  void item(program& p) {
    std::vector<attribute> attributes;
    while (at(pound)) attributes.push_back(attribute_());
    eat(kw_pub);
    if (at(kw_use)) {
      p.uses.push_back(use_());
    } else if (at(kw_fn) || (at(kw_async) && at(kw_fn, 1))) {
      function f = function_();
      f.attributes = std::move(attributes);
      p.functions.push_back(std::move(f));
    } else if (at(kw_struct)) {
      struct_decl s = struct_();
      s.attributes = std::move(attributes);
      p.structs.push_back(std::move(s));
    } else if (at(kw_impl)) {
      p.impls.push_back(impl_());
    } else if (at(kw_const)) {
      p.constants.push_back(const_());
    } else if (at(kw_enum) || at(kw_trait) || at(kw_mod) || at(kw_static) || at(kw_type)) {
      fail(peek().span, std::string(describe(peek().kind)) + " items are not part of this subset",
           "a program has `use`, `const`, `fn`, `async fn`, `struct` and `impl` items");
    } else {
      expected("an item (`fn`, `async fn`, `struct`, `impl`, `const` or `use`)");
    }
  }

  const_decl const_() {
    const_decl c;
    const std::uint32_t begin = expect(kw_const).span.begin;
    c.name = expect_identifier();
    expect(colon);
    c.type = type_();
    expect(eq);
    c.value = expression();
    expect(semicolon);
    c.span = from(begin);
    return c;
  }

  attribute attribute_() {
    const std::uint32_t begin = expect(pound).span.begin;
    expect(open_bracket);
    attribute a;
    a.path.push_back(expect_identifier());
    while (eat(path_sep)) a.path.push_back(expect_identifier());
    if (at(open_paren)) {
      const std::uint32_t args_begin = advance().span.end;
      int depth = 1;
      while (!at(end_of_file) && depth > 0) {
        if (at(open_paren)) ++depth;
        if (at(close_paren)) --depth;
        if (depth > 0) advance();
      }
      a.arguments = std::string(source_.text({args_begin, peek().span.begin}));
      expect(close_paren);
    }
    expect(close_bracket);
    a.span = from(begin);
    return a;
  }

  use_decl use_() {
    const std::uint32_t begin = expect(kw_use).span.begin;
    use_decl u;
    use_tree({}, u);
    expect(semicolon);
    u.span = from(begin);
    return u;
  }

  // `a::b::c`, `a::{b, c::d}`, `a::*`, `self` in a group.
  void use_tree(std::vector<ident> prefix, use_decl& u) {
    nested guard(*this);
    while (true) {
      if (at(star)) {
        const token& t = advance();
        prefix.push_back({"*", t.span});
        u.paths.push_back(std::move(prefix));
        return;
      }
      if (at(open_brace)) {
        advance();
        while (!at(close_brace)) {
          use_tree(prefix, u);
          if (!eat(comma)) break;
        }
        expect(close_brace);
        return;
      }
      if (at(kw_self_value) || at(kw_crate) || at(kw_super)) {
        const token& t = advance();
        prefix.push_back({std::string(text(t)), t.span});
      } else {
        prefix.push_back(expect_identifier());
      }
      if (!eat(path_sep)) break;
    }
    if (at(kw_as)) fail(peek().span, "renaming with `as` in `use` is not part of this subset");
    u.paths.push_back(std::move(prefix));
  }

  function function_() {
    function f;
    const std::uint32_t begin = peek().span.begin;
    f.is_async = eat(kw_async);
    expect(kw_fn);
    f.name = expect_identifier();
    if (at(lt)) fail(peek().span, "generic functions are not part of this subset");
    expect(open_paren);
    while (!at(close_paren)) {
      f.params.push_back(param_());
      if (!eat(comma)) break;
    }
    expect(close_paren);
    if (eat(arrow)) f.return_type = type_();
    if (at(kw_where)) fail(peek().span, "`where` clauses are not part of this subset");
    f.body = block_();
    f.span = from(begin);
    return f;
  }

  // `x: u32`, `mut x: u32`, `self`, `&self`, `&mut self`, `mut self: Pin<&mut Self>`.
  param param_() {
    param p;
    const std::uint32_t begin = peek().span.begin;
    const bool by_reference = at(amp);
    const std::size_t self_at = by_reference ? (at(kw_mut, 1) ? 2 : 1) : (at(kw_mut) ? 1 : 0);
    if (at(kw_self_value, self_at)) {
      if (by_reference) advance();
      const bool mutable_self = eat(kw_mut);
      const token& self = advance();
      p.is_self = true;
      p.pat = std::make_unique<pattern>();
      p.pat->kind = pattern_kind::binding;
      p.pat->name = {"self", self.span};
      p.pat->is_mut = mutable_self && !by_reference;
      p.pat->span = from(begin);
      if (eat(colon)) {
        p.type = type_();
      } else {
        p.type.kind = by_reference ? type_kind::reference : type_kind::path;
        p.type.mutable_reference = by_reference && mutable_self;
        type_ref self_type;
        self_type.path.push_back({"Self", self.span});
        self_type.span = self.span;
        if (by_reference) {
          p.type.args.push_back(std::move(self_type));
        } else {
          p.type = std::move(self_type);
        }
        p.type.span = from(begin);
      }
    } else {
      p.pat = pattern_();
      expect(colon);
      p.type = type_();
    }
    p.span = from(begin);
    return p;
  }

  struct_decl struct_() {
    struct_decl s;
    const std::uint32_t begin = expect(kw_struct).span.begin;
    s.name = expect_identifier();
    if (at(lt)) fail(peek().span, "generic structs are not part of this subset");
    if (eat(semicolon)) {
      s.span = from(begin);
      return s;
    }
    if (at(open_paren))
      fail(peek().span, "tuple structs are not part of this subset",
           "name the fields: `struct Name { field: Type }`");
    expect(open_brace);
    while (!at(close_brace)) {
      eat(kw_pub);
      struct_field f;
      f.name = expect_identifier();
      expect(colon);
      f.type = type_();
      s.fields.push_back(std::move(f));
      if (!eat(comma)) break;
    }
    expect(close_brace);
    s.span = from(begin);
    return s;
  }

  impl_block impl_() {
    impl_block b;
    const std::uint32_t begin = expect(kw_impl).span.begin;
    if (at(lt)) fail(peek().span, "generic `impl` blocks are not part of this subset");
    type_ref first = type_();
    if (eat(kw_for)) {
      b.trait = std::move(first);
      b.self_type = type_();
    } else {
      b.self_type = std::move(first);
    }
    expect(open_brace);
    while (!at(close_brace) && !at(end_of_file)) {
      try {
        eat(kw_pub);
        if (at(kw_type)) {
          advance();
          ident name = expect_identifier();
          expect(eq);
          type_ref t = type_();
          expect(semicolon);
          b.associated_types.emplace_back(std::move(name), std::move(t));
        } else if (at(kw_fn) || (at(kw_async) && at(kw_fn, 1))) {
          b.functions.push_back(function_());
        } else {
          expected("`fn` or `type`");
        }
      } catch (const abandon&) {
        if (too_deep_) throw;
        skip_to_statement_end();
        if (at(close_brace) && !at(end_of_file)) {
          // The `}` that ended the broken member, if it was one: the block goes on after it.
          const std::size_t save = pos_;
          advance();
          if (at(end_of_file)) pos_ = save;
        }
      }
    }
    expect(close_brace);
    b.span = from(begin);
    return b;
  }

  // Types.

  type_ref type_() {
    nested guard(*this);
    type_ref t;
    const std::uint32_t begin = peek().span.begin;
    if (at(amp) || at(amp_amp)) {
      // `&&T` is a reference to a reference: read the first `&` of `&&` as one level.
      const bool twice = at(amp_amp);
      advance();
      t.kind = type_kind::reference;
      eat(lifetime);
      if (twice) {
        type_ref inner;
        inner.kind = type_kind::reference;
        inner.mutable_reference = eat(kw_mut);
        inner.args.push_back(type_());
        inner.span = from(begin);
        t.args.push_back(std::move(inner));
      } else {
        t.mutable_reference = eat(kw_mut);
        t.args.push_back(type_());
      }
    } else if (at(open_paren)) {
      advance();
      t.kind = type_kind::tuple;
      while (!at(close_paren)) {
        t.args.push_back(type_());
        if (!eat(comma)) break;
      }
      expect(close_paren);
    } else if (at(kw_impl)) {
      advance();
      t.kind = type_kind::impl_trait;
      type_path(t);
    } else if (at(kw_dyn) || at(open_bracket) || at(star) || at(kw_fn)) {
      fail(peek().span, "this kind of type is not part of this subset");
    } else {
      type_path(t);
    }
    t.span = from(begin);
    return t;
  }

  // `std::sync::Arc<Mutex<u32>>`, `Future<Output = u32>`, `Context<'_>`, `Self`.
  void type_path(type_ref& t) {
    while (true) {
      if (at(kw_self_type)) {
        const token& s = advance();
        t.path.push_back({"Self", s.span});
      } else {
        t.path.push_back(expect_identifier());
      }
      if (at(lt)) {
        generic_args(t);
      }
      if (!eat(path_sep)) break;
    }
  }

  // `<T, U>`, `<'_>`, `<Output = T>`; a `>>` closing two lists at once is split in two.
  void generic_args(type_ref& t) {
    expect(lt);
    while (!closes_generics()) {
      if (eat(lifetime)) {
        if (!eat(comma)) break;
        continue;
      }
      if (at(identifier) && at(eq, 1)) {
        ident name = expect_identifier();
        advance();
        t.bindings.push_back({std::move(name), type_()});
      } else {
        t.args.push_back(type_());
      }
      if (!eat(comma)) break;
    }
    close_generics();
  }

  bool closes_generics() const { return at(gt) || at(shr) || at(ge) || at(shr_eq); }

  void close_generics() {
    if (at(gt)) {
      advance();
      return;
    }
    if (at(shr) || at(ge) || at(shr_eq)) {
      // Split the token: its first `>` closes this list, the rest stays for the next reader.
      token& t = tokens_[pos_];
      t.kind = at(shr) ? gt : at(ge) ? eq : ge;
      t.span.begin += 1;
      return;
    }
    expected("`>`");
  }

  // Blocks and statements.

  block block_() {
    nested guard(*this);
    block b;
    const std::uint32_t begin = expect(open_brace).span.begin;
    while (!at(close_brace) && !at(end_of_file)) {
      const std::size_t start = pos_;
      try {
        statement_(b);
      } catch (const abandon&) {
        if (too_deep_) throw;
        if (pos_ == start) advance();
        skip_to_statement_end();
      }
    }
    expect(close_brace);
    b.span = from(begin);
    return b;
  }

  // One statement of `b`; an expression without `;` at the end of the block is its tail.
  void statement_(block& b) {
    const std::uint32_t begin = peek().span.begin;
    if (eat(semicolon)) return;
    if (at(kw_fn) || at(kw_struct) || at(kw_impl) || at(kw_use) || at(kw_enum) || at(kw_trait) ||
        at(pound) || (at(kw_async) && at(kw_fn, 1))) {
      fail(peek().span, "items inside functions are not part of this subset",
           "move it to the top level of the program");
    }
    if (at(kw_let)) {
      advance();
      statement s;
      s.kind = statement_kind::let;
      s.let.pat = pattern_();
      if (eat(colon)) s.let.type = type_();
      if (eat(eq)) s.let.init = expression();
      if (at(kw_else)) fail(peek().span, "`let ... else` is not part of this subset");
      expect_semicolon();
      s.has_semicolon = true;
      s.span = from(begin);
      b.statements.push_back(std::move(s));
      return;
    }
    // An expression statement that begins with a block-like expression ends with its block,
    // as in Rust: `if c { .. } *x = 1;` is two statements, not a product.
    // So does a macro written with braces (`tokio::select! { .. }`, `tokio::pin! { .. }`).
    const bool block_like = at(kw_if) || at(kw_match) || at(kw_while) || at(kw_loop) ||
                            at(kw_for) || at(open_brace) || braced_macro_ahead();
    expr_ptr e;
    if (block_like) {
      block_statement_ = true;
      e = postfix();
    } else {
      e = expression();
    }
    if (eat(semicolon)) {
      statement s;
      s.kind = statement_kind::expr;
      s.value = std::move(e);
      s.has_semicolon = true;
      s.span = from(begin);
      b.statements.push_back(std::move(s));
      return;
    }
    if (at(close_brace)) {
      b.tail = std::move(e);
      return;
    }
    if (ends_with_block(*e)) {
      statement s;
      s.kind = statement_kind::expr;
      s.value = std::move(e);
      s.span = from(begin);
      b.statements.push_back(std::move(s));
      return;
    }
    expect_semicolon();
    statement s;
    s.kind = statement_kind::expr;
    s.value = std::move(e);
    s.has_semicolon = true;
    s.span = from(begin);
    b.statements.push_back(std::move(s));
  }

  // Whether a macro written with braces starts here: `a::b! {`.
  bool braced_macro_ahead() const {
    std::size_t k = 0;
    if (at(path_sep)) ++k;
    if (!at(identifier, k)) return false;
    ++k;
    while (at(path_sep, k) && at(identifier, k + 1)) k += 2;
    return at(bang, k) && at(open_brace, k + 1);
  }

  // The `;` that ends a statement. When it is missing and the next token starts a later line,
  // the statement most likely ended there: say so, and read on as if it were written, as rustc
  // does, so that the next line's own mistakes are reported too.
  void expect_semicolon() {
    if (eat(semicolon)) return;
    const position previous = source_.at(previous_end());
    const position next = source_.at(peek().span.begin);
    if (next.line > previous.line && !at(end_of_file)) {
      const std::uint32_t after = previous_end();
      out_.error({after, after}, "expected `;`, found " + found_text(), "expected `;`");
      return;
    }
    expected("`;`");
  }

  // Expressions, lowest precedence first: assignment, range, `||`, `&&`, comparison, `|`, `^`,
  // `&`, shifts, `+ -`, `* / %`, `as`, unary, postfix.

  expr_ptr expression(bool allow_struct = true) {
    nested guard(*this);
    const bool saved = allow_struct_;
    allow_struct_ = allow_struct;
    expr_ptr e = assignment();
    allow_struct_ = saved;
    return e;
  }

  expr_ptr make(expr_kind kind, std::uint32_t begin) {
    auto e = std::make_unique<expr>();
    e->kind = kind;
    e->span = {begin, begin};
    return e;
  }

  expr_ptr finish(expr_ptr e, std::uint32_t begin) {
    e->span = from(begin);
    return e;
  }

  expr_ptr assignment() {
    const std::uint32_t begin = peek().span.begin;
    expr_ptr lhs = range();
    if (at(eq)) {
      advance();
      expr_ptr e = make(expr_kind::assign, begin);
      e->lhs = std::move(lhs);
      e->rhs = assignment();
      return finish(std::move(e), begin);
    }
    static constexpr std::pair<token_kind, binary_op> compound[] = {
        {plus_eq, binary_op::add},    {minus_eq, binary_op::sub},     {star_eq, binary_op::mul},
        {slash_eq, binary_op::div},   {percent_eq, binary_op::rem},   {amp_eq, binary_op::bit_and},
        {pipe_eq, binary_op::bit_or}, {caret_eq, binary_op::bit_xor}, {shl_eq, binary_op::shl},
        {shr_eq, binary_op::shr}};
    for (const auto& [kind, op] : compound) {
      if (at(kind)) {
        advance();
        expr_ptr e = make(expr_kind::compound_assign, begin);
        e->binary = op;
        e->lhs = std::move(lhs);
        e->rhs = assignment();
        return finish(std::move(e), begin);
      }
    }
    return lhs;
  }

  bool starts_expression() const {
    switch (peek().kind) {
      case semicolon:
      case close_paren:
      case close_brace:
      case close_bracket:
      case comma:
      case end_of_file:
      case fat_arrow:
      case eq:
        return false;
      case open_brace:
        return allow_struct_;
      default:
        return true;
    }
  }

  expr_ptr range() {
    const std::uint32_t begin = peek().span.begin;
    expr_ptr start;
    if (!at(dot_dot) && !at(dot_dot_eq)) {
      start = binary(0);
      if (!at(dot_dot) && !at(dot_dot_eq)) return start;
    }
    const bool inclusive = advance().kind == dot_dot_eq;
    expr_ptr e = make(expr_kind::range, begin);
    e->flag = inclusive;
    e->lhs = std::move(start);
    if (starts_expression()) e->rhs = binary(0);
    if (inclusive && !e->rhs) expected("an expression after `..=`");
    return finish(std::move(e), begin);
  }

  // Binary operators by precedence climbing: level 0 is `||`, the highest is `* / %`.
  struct binary_level {
    token_kind token;
    binary_op op;
    int level;
  };

  static const binary_level* binary_of(token_kind kind) {
    static constexpr binary_level table[] = {
        {pipe_pipe, binary_op::or_, 0}, {amp_amp, binary_op::and_, 1}, {eq_eq, binary_op::eq, 2},
        {ne, binary_op::ne, 2},         {lt, binary_op::lt, 2},        {le, binary_op::le, 2},
        {gt, binary_op::gt, 2},         {ge, binary_op::ge, 2},        {pipe, binary_op::bit_or, 3},
        {caret, binary_op::bit_xor, 4}, {amp, binary_op::bit_and, 5},  {shl, binary_op::shl, 6},
        {shr, binary_op::shr, 6},       {plus, binary_op::add, 7},     {minus, binary_op::sub, 7},
        {star, binary_op::mul, 8},      {slash, binary_op::div, 8},    {percent, binary_op::rem, 8},
    };
    for (const binary_level& b : table) {
      if (b.token == kind) return &b;
    }
    return nullptr;
  }

  expr_ptr binary(int min_level) {
    nested guard(*this);
    const std::uint32_t begin = peek().span.begin;
    expr_ptr lhs = cast();
    while (const binary_level* op = binary_of(peek().kind)) {
      if (op->level < min_level) break;
      advance();
      expr_ptr e = make(expr_kind::binary, begin);
      e->binary = op->op;
      e->lhs = std::move(lhs);
      e->rhs = binary(op->level + 1);
      // Comparisons do not chain in Rust: `a < b < c` is an error.
      if (op->level == 2 && binary_of(peek().kind) != nullptr &&
          binary_of(peek().kind)->level == 2) {
        fail(peek().span, "comparison operators cannot be chained",
             "use `&&` between two comparisons");
      }
      lhs = finish(std::move(e), begin);
    }
    return lhs;
  }

  expr_ptr cast() {
    const std::uint32_t begin = peek().span.begin;
    expr_ptr e = unary();
    while (at(kw_as)) {
      advance();
      expr_ptr c = make(expr_kind::cast, begin);
      c->lhs = std::move(e);
      c->type = type_();
      e = finish(std::move(c), begin);
    }
    return e;
  }

  expr_ptr unary() {
    nested guard(*this);
    const std::uint32_t begin = peek().span.begin;
    std::optional<unary_op> op;
    if (at(minus)) op = unary_op::negate;
    if (at(bang)) op = unary_op::not_;
    if (at(star)) op = unary_op::deref;
    if (at(amp) || at(amp_amp)) op = unary_op::ref;
    if (!op) return postfix();
    const bool double_ref = at(amp_amp);
    advance();
    if (*op == unary_op::ref && eat(kw_mut)) op = unary_op::ref_mut;
    expr_ptr e = make(expr_kind::unary, begin);
    e->unary = *op;
    e->lhs = unary();
    e = finish(std::move(e), begin);
    if (double_ref) {
      expr_ptr outer = make(expr_kind::unary, begin);
      outer->unary = unary_op::ref;
      outer->lhs = std::move(e);
      e = finish(std::move(outer), begin);
    }
    return e;
  }

  expr_ptr postfix() {
    const std::uint32_t begin = peek().span.begin;
    const bool block_statement = std::exchange(block_statement_, false);
    expr_ptr e = primary();
    if (block_statement && ends_with_block(*e) && !at(dot) && !at(question)) return e;
    while (true) {
      if (at(question)) {
        advance();
        expr_ptr t = make(expr_kind::try_, begin);
        t->lhs = std::move(e);
        e = finish(std::move(t), begin);
      } else if (at(open_paren)) {
        expr_ptr call = make(expr_kind::call, begin);
        call->lhs = std::move(e);
        call->items = arguments(open_paren, close_paren);
        e = finish(std::move(call), begin);
      } else if (at(open_bracket)) {
        advance();
        expr_ptr index = make(expr_kind::index, begin);
        index->lhs = std::move(e);
        index->rhs = expression();
        expect(close_bracket);
        e = finish(std::move(index), begin);
      } else if (at(dot)) {
        advance();
        if (eat(kw_await)) {
          expr_ptr a = make(expr_kind::await_, begin);
          a->lhs = std::move(e);
          e = finish(std::move(a), begin);
        } else if (at(integer)) {
          const token& t = advance();
          expr_ptr f = make(expr_kind::tuple_field, begin);
          f->lhs = std::move(e);
          f->name = {std::string(text(t)), t.span};
          e = finish(std::move(f), begin);
        } else {
          ident member = expect_identifier();
          if (at(path_sep)) fail(peek().span, "generic method calls are not part of this subset");
          if (at(open_paren)) {
            expr_ptr m = make(expr_kind::method_call, begin);
            m->lhs = std::move(e);
            m->name = std::move(member);
            m->items = arguments(open_paren, close_paren);
            e = finish(std::move(m), begin);
          } else {
            expr_ptr f = make(expr_kind::field, begin);
            f->lhs = std::move(e);
            f->name = std::move(member);
            e = finish(std::move(f), begin);
          }
        }
      } else {
        return e;
      }
    }
  }

  std::vector<expr_ptr> arguments(token_kind open, token_kind close) {
    expect(open);
    std::vector<expr_ptr> items;
    while (!at(close)) {
      items.push_back(expression());
      if (!eat(comma)) break;
    }
    expect(close);
    return items;
  }

  expr_ptr primary() {
    nested guard(*this);
    const std::uint32_t begin = peek().span.begin;
    switch (peek().kind) {
      case integer: {
        expr_ptr e = make(expr_kind::integer, begin);
        e->text = std::string(text(advance()));
        return finish(std::move(e), begin);
      }
      case string: {
        expr_ptr e = make(expr_kind::string, begin);
        e->text = unescape(text(advance()));
        return finish(std::move(e), begin);
      }
      case kw_true:
      case kw_false: {
        expr_ptr e = make(expr_kind::boolean, begin);
        e->flag = advance().kind == kw_true;
        return finish(std::move(e), begin);
      }
      case open_paren:
        return parenthesized();
      case open_bracket: {
        expr_ptr e = make(expr_kind::array, begin);
        e->items = arguments(open_bracket, close_bracket);
        return finish(std::move(e), begin);
      }
      case open_brace: {
        expr_ptr e = make(expr_kind::block, begin);
        e->body = std::make_unique<block>(block_());
        return finish(std::move(e), begin);
      }
      case kw_async:
        return async_block();
      case kw_if:
        return if_();
      case kw_match:
        return match_();
      case kw_while:
        return while_();
      case kw_loop: {
        advance();
        expr_ptr e = make(expr_kind::loop, begin);
        e->body = std::make_unique<block>(block_());
        return finish(std::move(e), begin);
      }
      case kw_for:
        return for_();
      case kw_break:
      case kw_return: {
        const bool is_break = advance().kind == kw_break;
        if (at(lifetime)) fail(peek().span, "loop labels are not part of this subset");
        expr_ptr e = make(is_break ? expr_kind::break_ : expr_kind::return_, begin);
        if (starts_expression() && !at(open_brace)) e->rhs = expression();
        return finish(std::move(e), begin);
      }
      case kw_continue: {
        advance();
        if (at(lifetime)) fail(peek().span, "loop labels are not part of this subset");
        return finish(make(expr_kind::continue_, begin), begin);
      }
      case pipe:
      case pipe_pipe:
      case kw_move:
        fail(peek().span, "closures are not part of this subset",
             "write an `async` block or a function");
      case kw_unsafe:
        fail(peek().span, "`unsafe` is not part of this subset");
      case identifier:
      case kw_self_value:
      case kw_self_type:
      case path_sep:
      case kw_crate:
      case kw_super:
        return path_expression();
      default:
        expected("expression");
    }
  }

  expr_ptr parenthesized() {
    const std::uint32_t begin = expect(open_paren).span.begin;
    if (eat(close_paren)) return finish(make(expr_kind::unit, begin), begin);
    expr_ptr first = expression();
    if (eat(close_paren)) return first;  // Grouping: the span stays the inner one's.
    expr_ptr tuple = make(expr_kind::tuple, begin);
    tuple->items.push_back(std::move(first));
    while (eat(comma)) {
      if (at(close_paren)) break;
      tuple->items.push_back(expression());
    }
    expect(close_paren);
    return finish(std::move(tuple), begin);
  }

  expr_ptr async_block() {
    const std::uint32_t begin = expect(kw_async).span.begin;
    expr_ptr e = make(expr_kind::async_block, begin);
    e->flag = eat(kw_move);
    if (!at(open_brace)) expected("`{`");
    e->body = std::make_unique<block>(block_());
    return finish(std::move(e), begin);
  }

  // What follows `if` and `while`: a condition, or `let PATTERN = SCRUTINEE`; then the body.
  expr_ptr conditional(expr_kind plain, expr_kind with_let, std::uint32_t begin) {
    expr_ptr e;
    if (eat(kw_let)) {
      e = make(with_let, begin);
      e->pat = pattern_();
      expect(eq);
    } else {
      e = make(plain, begin);
    }
    e->lhs = expression(false);
    e->body = std::make_unique<block>(block_());
    return e;
  }

  expr_ptr if_() {
    const std::uint32_t begin = expect(kw_if).span.begin;
    expr_ptr e = conditional(expr_kind::if_, expr_kind::if_let, begin);
    if (eat(kw_else)) {
      if (at(kw_if)) {
        e->else_branch = if_();
      } else {
        const std::uint32_t else_begin = peek().span.begin;
        expr_ptr b = make(expr_kind::block, else_begin);
        b->body = std::make_unique<block>(block_());
        e->else_branch = finish(std::move(b), else_begin);
      }
    }
    return finish(std::move(e), begin);
  }

  expr_ptr match_() {
    const std::uint32_t begin = expect(kw_match).span.begin;
    expr_ptr e = make(expr_kind::match, begin);
    e->lhs = expression(false);
    expect(open_brace);
    while (!at(close_brace)) {
      match_arm arm;
      const std::uint32_t arm_begin = peek().span.begin;
      arm.pat = pattern_();
      if (eat(kw_if)) arm.guard = expression();
      expect(fat_arrow);
      arm.body = expression();
      arm.span = from(arm_begin);
      const bool block_body = ends_with_block(*arm.body);
      e->arms.push_back(std::move(arm));
      if (!eat(comma) && !block_body && !at(close_brace)) expected("`,`");
    }
    expect(close_brace);
    return finish(std::move(e), begin);
  }

  expr_ptr while_() {
    const std::uint32_t begin = expect(kw_while).span.begin;
    return finish(conditional(expr_kind::while_, expr_kind::while_let, begin), begin);
  }

  expr_ptr for_() {
    const std::uint32_t begin = expect(kw_for).span.begin;
    expr_ptr e = make(expr_kind::for_, begin);
    e->pat = pattern_();
    expect(kw_in);
    e->lhs = expression(false);
    e->body = std::make_unique<block>(block_());
    return finish(std::move(e), begin);
  }

  // A path, then what it heads: a macro call (`println!(...)`), a struct literal
  // (`Countdown { left: 3, waker: None }`), or the path alone (`tx`, `Poll::Pending`).
  expr_ptr path_expression() {
    const std::uint32_t begin = peek().span.begin;
    path_ref path = path_();
    if (at(bang) && (at(open_paren, 1) || at(open_bracket, 1) || at(open_brace, 1))) {
      return macro(std::move(path), begin);
    }
    if (at(open_brace) && allow_struct_ && looks_like_struct_literal(path)) {
      expr_ptr e = make(expr_kind::struct_literal, begin);
      e->path = std::move(path);
      advance();
      while (!at(close_brace)) {
        if (at(dot_dot))
          fail(peek().span, "struct update syntax (`..base`) is not part of this subset");
        field_init f;
        f.name = expect_identifier();
        if (eat(colon)) f.value = expression();
        e->fields.push_back(std::move(f));
        if (!eat(comma)) break;
      }
      expect(close_brace);
      return finish(std::move(e), begin);
    }
    expr_ptr e = make(expr_kind::path, begin);
    e->path = std::move(path);
    return finish(std::move(e), begin);
  }

  // `Name {` starts a struct literal when the name is capitalised and what follows the brace is
  // `}`, `field:`, `field,` or `field }`, as Rust's own disambiguation in expression position.
  bool looks_like_struct_literal(const path_ref& path) const {
    const std::string& last = path.segments.back().name;
    if (last.empty() || !(last[0] >= 'A' && last[0] <= 'Z')) return false;
    if (at(close_brace, 1)) return true;
    return at(identifier, 1) && (at(colon, 2) || at(comma, 2) || at(close_brace, 2));
  }

  path_ref path_() {
    path_ref p;
    const std::uint32_t begin = peek().span.begin;
    if (at(path_sep)) advance();
    while (true) {
      if (at(kw_self_value) || at(kw_self_type) || at(kw_crate) || at(kw_super)) {
        const token& t = advance();
        p.segments.push_back({std::string(text(t)), t.span});
      } else {
        p.segments.push_back(expect_identifier());
      }
      if (!at(path_sep)) break;
      advance();
      if (at(lt)) {
        // A turbofish: `Vec::<u32>::new()`, `"5".parse::<u32>()` is refused as a method.
        type_ref holder;
        generic_args(holder);
        for (type_ref& t : holder.args) p.generics.push_back(std::move(t));
        if (!eat(path_sep)) break;
      }
    }
    p.span = from(begin);
    return p;
  }

  // Macros: the arguments of the print-like ones, `vec!`, `join!` are expressions; `select!`
  // has branches of its own.
  expr_ptr macro(path_ref path, std::uint32_t begin) {
    const token& bang_token = advance();
    const std::string& name = path.segments.back().name;
    if (!is_known_macro(name)) {
      fail({path.span.begin, bang_token.span.end},
           "the macro `" + name + "!` is not part of this subset");
    }
    expr_ptr e = make(expr_kind::macro, begin);
    e->path = std::move(path);
    const token_kind open = peek().kind;
    e->braces = open == open_brace;
    const token_kind close = open == open_paren     ? close_paren
                             : open == open_bracket ? close_bracket
                                                    : close_brace;
    if (name == "select") {
      select_body(*e, close);
    } else if (name == "pin" && open == open_brace && at(kw_let, 1)) {
      pin_lets(*e);
    } else if (name == "vec" && open == open_bracket) {
      advance();
      if (!at(close_bracket)) {
        e->items.push_back(expression());
        if (eat(semicolon)) {
          e->repeat_count = expression();
        } else {
          while (eat(comma)) {
            if (at(close_bracket)) break;
            e->items.push_back(expression());
          }
        }
      }
      expect(close_bracket);
    } else {
      e->items = arguments(open, close);
    }
    return finish(std::move(e), begin);
  }

  // `tokio::pin! { let a = f(); let b = g(); }`: each `let` is an assignment of its name in
  // `items`, and `flag` says the macro was written so.
  void pin_lets(expr& e) {
    advance();
    e.flag = true;
    while (!at(close_brace) && !at(end_of_file)) {
      const std::uint32_t begin = peek().span.begin;
      expect(kw_let);
      expr_ptr binding = make(expr_kind::assign, begin);
      const ident name = expect_identifier();
      binding->lhs = make(expr_kind::path, name.span.begin);
      binding->lhs->path.segments.push_back(name);
      binding->lhs->path.span = name.span;
      binding->lhs->span = name.span;
      expect(eq);
      binding->rhs = expression();
      expect(semicolon);
      e.items.push_back(finish(std::move(binding), begin));
    }
    expect(close_brace);
  }

  // `tokio::select! { biased; v = rx.recv() => ..., _ = sleep(d), if ready => ..., else => ... }`
  void select_body(expr& e, token_kind close) {
    advance();
    if (at(identifier) && text(peek()) == "biased" && at(semicolon, 1)) {
      advance();
      advance();
      e.flag = true;
    }
    while (!at(close)) {
      select_branch b;
      const std::uint32_t branch_begin = peek().span.begin;
      if (eat(kw_else)) {
        expect(fat_arrow);
      } else {
        b.pat = pattern_();
        expect(eq);
        b.future = expression();
        if (eat(comma)) {
          expect(kw_if);
          b.guard = expression();
        }
        expect(fat_arrow);
      }
      b.handler = expression();
      b.span = from(branch_begin);
      const bool block_handler = ends_with_block(*b.handler);
      e.branches.push_back(std::move(b));
      if (!eat(comma) && !block_handler && !at(close)) expected("`,`");
    }
    expect(close);
  }

  // Patterns.

  pattern_ptr pattern_() {
    nested guard(*this);
    const std::uint32_t begin = peek().span.begin;
    pattern_ptr first = single_pattern();
    if (!at(pipe)) return first;
    auto alternatives = std::make_unique<pattern>();
    alternatives->kind = pattern_kind::alternatives;
    alternatives->items.push_back(std::move(first));
    while (eat(pipe)) alternatives->items.push_back(single_pattern());
    alternatives->span = from(begin);
    return alternatives;
  }

  pattern_ptr single_pattern() {
    nested guard(*this);
    const std::uint32_t begin = peek().span.begin;
    auto p = std::make_unique<pattern>();
    if (eat(underscore)) {
      p->kind = pattern_kind::wildcard;
    } else if (eat(dot_dot)) {
      p->kind = pattern_kind::rest;
    } else if (at(kw_mut) || at(kw_ref)) {
      if (at(kw_ref)) fail(peek().span, "`ref` patterns are not part of this subset");
      advance();
      p->kind = pattern_kind::binding;
      p->is_mut = true;
      p->name = expect_identifier();
    } else if (at(open_paren)) {
      p->kind = pattern_kind::tuple;
      p->items = parenthesized_patterns();
    } else if (at(integer) || at(string) || at(minus) || at(kw_true) || at(kw_false)) {
      p->kind = pattern_kind::literal;
      p->literal = literal_for_pattern();
      if (at(dot_dot_eq) || at(dot_dot)) {
        p->kind = pattern_kind::range;
        p->inclusive = advance().kind == dot_dot_eq;
        if (!p->inclusive)
          fail(peek().span, "exclusive range patterns are not part of this subset", "use `..=`");
        p->range_end = literal_for_pattern();
      }
    } else if (at(identifier) || at(kw_self_type) || at(kw_self_value) || at(path_sep)) {
      path_ref path = path_();
      if (at(open_paren)) {
        p->kind = pattern_kind::tuple_struct;
        p->items = parenthesized_patterns();
        p->path = std::move(path);
      } else if (at(open_brace)) {
        fail(peek().span, "struct patterns are not part of this subset");
      } else if (path.segments.size() == 1 && is_binding_name(path.segments[0].name)) {
        p->kind = pattern_kind::binding;
        p->name = std::move(path.segments[0]);
        if (at(at_sign)) fail(peek().span, "`@` bindings are not part of this subset");
      } else {
        p->kind = pattern_kind::path;
        p->path = std::move(path);
      }
    } else {
      expected("pattern");
    }
    p->span = from(begin);
    return p;
  }

  // `(a, _, ..)`: the items of a tuple or of `Some(...)`.
  std::vector<pattern_ptr> parenthesized_patterns() {
    expect(open_paren);
    std::vector<pattern_ptr> items;
    while (!at(close_paren)) {
      items.push_back(pattern_());
      if (!eat(comma)) break;
    }
    expect(close_paren);
    return items;
  }

  // A lone lower-case name binds; `None` and other capitalised names are paths, as rustc
  // resolves them in practice.
  static bool is_binding_name(const std::string& name) {
    return !name.empty() && !(name[0] >= 'A' && name[0] <= 'Z');
  }

  expr_ptr literal_for_pattern() {
    const std::uint32_t begin = peek().span.begin;
    if (at(minus)) {
      advance();
      if (!at(integer)) expected("an integer after `-`");
      expr_ptr e = make(expr_kind::unary, begin);
      e->unary = unary_op::negate;
      e->lhs = primary();
      return finish(std::move(e), begin);
    }
    if (at(integer) || at(string) || at(kw_true) || at(kw_false)) return primary();
    expected("literal");
  }

  const source_file& source_;
  std::vector<token>& tokens_;
  diagnostics& out_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  /// Set by a statement that begins with a block-like expression: `postfix` ends it there.
  bool block_statement_ = false;
  bool allow_struct_ = true;
};

}  // namespace

program parse(const source_file& source, const std::vector<token>& tokens, diagnostics& out) {
  // A copy: splitting a `>>` that closes two generic lists rewrites a token in place.
  std::vector<token> own = tokens;
  if (own.empty() || own.back().kind != token_kind::end_of_file) {
    const auto end = static_cast<std::uint32_t>(source.text().size());
    own.push_back({token_kind::end_of_file, {end, end}});
  }
  return parser(source, own, out).run();
}

}  // namespace wakeline::lang
