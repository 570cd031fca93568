//! Random well-formed Python programs for differential testing (issue 8).
//!
//! `program(seed)` writes a deterministic program from a seed: module constants, exception classes, a
//! small class hierarchy, functions (some recursive, some generators, some raising) and a `main()` whose
//! loops mix int, float and bigint arithmetic, change variables' types mid-loop, build lists, dicts and
//! strings, call functions and methods, and raise and catch exceptions. Programs terminate (every loop is
//! bounded), keep their values small enough to print (int assignments in loops are reduced modulo a
//! constant, strings and lists are trimmed) and print nothing that depends on addresses or string hashing,
//! so CPython's output is the expected output.
//!
//! How the generator stays well-formed: it tracks a static *kind* for every variable and only builds
//! expressions that are valid for the kinds it uses. New variables are created only at a function's top
//! level (so none is ever unbound). Inside a loop a variable keeps its kind, except that numeric variables
//! chosen when the loop starts are *widened* to "any number" for the whole body, which is what lets the
//! body turn an int into a float or a bigint at some iteration. Variables of kind `Any` (int, float, str,
//! list or None depending on the iteration) are only printed, compared, or used under an `isinstance`
//! test. "Risky" operations (a raw `//` by a value that may be 0, an index that may be out of range, a
//! call of a function that may raise, `int()` of a string) are mostly generated inside `try` blocks; the
//! few outside them end some programs with an uncaught exception, whose last stderr line and exit status
//! are compared too.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
        r.next();
        r
    }
    /// splitmix64
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Inclusive range.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    pub fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize].clone()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Any Python int (bigints included).
    Int,
    /// int, float or bool.
    Num,
    Str,
    /// A list of ints.
    List,
    /// A dict from ints to ints.
    Dict,
    /// An instance of class `classes[i]` or one of its subclasses.
    Obj(usize),
    /// Anything printable: int, float, str, list or None.
    Any,
    /// An instance of the program's `V` class (operator overloading: `+ * - == < hash repr bool`).
    Val,
}

#[derive(Clone)]
struct Var {
    name: String,
    kind: Kind,
}

#[derive(Clone)]
struct Func {
    name: String,
    params: usize,
    /// Int or Num.
    ret: Kind,
    /// May raise one of the program's exception classes (or ZeroDivisionError).
    raises: bool,
    /// A generator of ints: called only where an iterable is expected.
    generator: bool,
    /// No loops and no calls: cheap to call from other functions.
    leaf: bool,
}

#[derive(Clone)]
struct Class {
    name: String,
    base: Option<usize>,
    /// Int attributes set by `__init__`.
    attrs: Vec<String>,
}

/// Moduli that keep ints printable while crossing the interesting boundaries (i32, i64, u64).
const MODULI: &[&str] = &[
    "97",
    "1000",
    "65536",
    "2147483647",
    "4294967296",
    "2305843009213693951",
    "9223372036854775808",
    "18446744073709551629",
    "100000000000000000039",
];

const FLOATS: &[&str] = &[
    "0.5", "1.5", "-2.25", "3.0", "0.1", "1e-3", "2.5e10", "1e300", "-0.0", "7.75", "1e16", "0.3",
];

const BIG_INTS: &[&str] = &[
    "(2**62)",
    "(2**63 - 1)",
    "(2**63)",
    "(-2**63)",
    "(2**64 + 5)",
    "(10**20)",
    "(-(10**19))",
    "4611686018427387904",
    "9223372036854775807",
    "-9223372036854775808",
];

/// Every program starts with these: a value class with operator overloading, a context manager and
/// a closure factory.
const PRELUDE: &str = "\
class V:
    def __init__(self, x):
        self.x = x % 1000003
    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))
    __radd__ = __add__
    def __mul__(self, k):
        return V(self.x * k)
    def __neg__(self):
        return V(-self.x)
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x
    def __lt__(self, o):
        return self.x < o.x
    def __hash__(self):
        return hash(self.x)
    def __repr__(self):
        return f'V({self.x})'
    def __bool__(self):
        return self.x % 3 != 0
class CM:
    def __init__(self, tag, suppress):
        self.tag = tag
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.tag)
        return self
    def __exit__(self, t, v, tb):
        print('exit', self.tag, t.__name__ if t else None, v)
        return self.suppress
def mk_adder(k):
    def add(x):
        return (x + k) % 1000003
    return add
";

const STRS: &[&str] = &[
    "''", "'a'", "'xy'", "'hello'", "'Zz9'", "'  pad '", "'-12'", "'3.5'",
];

struct Gen {
    rng: Rng,
    out: String,
    indent: usize,
    vars: Vec<Var>,
    consts: Vec<String>,
    /// A module global that functions rebind with `global` (the JIT guards on the globals' version).
    counter: Option<String>,
    /// The current function declared `global <counter>` (so it may assign it).
    counter_ok: bool,
    /// Generating a function body: only cheap (loop-free, call-free) functions may be called, so that
    /// call chains stay fast.
    in_func_body: bool,
    funcs: Vec<Func>,
    classes: Vec<Class>,
    excs: Vec<String>,
    loop_depth: usize,
    /// Nesting depth of blocks inside the current function (0 = its top level).
    block_depth: usize,
    try_depth: usize,
    /// Statements left for the current function.
    budget: i64,
    fresh: usize,
    in_function: bool,
    /// Generating a JIT-friendly loop body: only what traces support (int/float arithmetic, comparisons,
    /// branches, nested loops, inlined calls, list reads/stores/appends, attribute reads, `len`/`abs`/
    /// `min`/`max`/`int`/`float`/`math.*`), so that the loop compiles and runs native, exits on type
    /// changes and overflow, and gets side traces.
    hot: bool,
}

pub fn program(seed: u64) -> String {
    let mut g = Gen {
        rng: Rng::new(seed),
        out: String::new(),
        indent: 0,
        vars: Vec::new(),
        consts: Vec::new(),
        counter: None,
        counter_ok: false,
        in_func_body: false,
        funcs: Vec::new(),
        classes: Vec::new(),
        excs: Vec::new(),
        loop_depth: 0,
        block_depth: 0,
        try_depth: 0,
        budget: 0,
        fresh: 0,
        in_function: false,
        hot: false,
    };
    g.module(seed);
    g.out
}

impl Gen {
    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    /// One of `n` alternatives, or of `hot_ok` in a JIT-friendly loop.
    fn arm(&mut self, n: u64, hot_ok: &[u64]) -> u64 {
        if self.hot {
            self.rng.pick(hot_ok)
        } else {
            self.rng.below(n)
        }
    }

    fn chance(&mut self, pct: u64) -> bool {
        self.rng.chance(pct)
    }

    /// Whether to generate an operation that may raise: often inside `try`, rarely outside.
    fn risky(&mut self) -> bool {
        if self.try_depth > 0 {
            self.chance(45)
        } else {
            self.rng.below(400) == 0
        }
    }

    fn vars_of(&self, k: Kind) -> Vec<String> {
        self.vars
            .iter()
            .filter(|v| match (v.kind, k) {
                (a, b) if a == b => true,
                (Kind::Obj(a), Kind::Obj(b)) => self.is_subclass(a, b),
                _ => false,
            })
            .map(|v| v.name.clone())
            .collect()
    }

    fn is_subclass(&self, mut c: usize, base: usize) -> bool {
        loop {
            if c == base {
                return true;
            }
            match self.classes[c].base {
                Some(b) => c = b,
                None => return false,
            }
        }
    }

    fn var_of(&mut self, k: Kind) -> Option<String> {
        let vs = self.vars_of(k);
        if vs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vs))
        }
    }

    fn modulus(&mut self) -> String {
        self.rng.pick(MODULI).to_string()
    }

    // ---------------------------------------------------------------- expressions

    fn int_lit(&mut self) -> String {
        match self.rng.below(10) {
            0 => self.rng.pick(BIG_INTS).to_string(),
            1 => format!("{}", self.rng.range(-1000, 1000)),
            2 => format!("0x{:x}", self.rng.below(1 << 20)),
            _ => format!("{}", self.rng.range(-3, 40)),
        }
    }

    fn int_expr(&mut self, d: u32) -> String {
        if d == 0 || self.chance(25) {
            return match self.rng.below(5) {
                0 => self.int_lit(),
                1 if !self.consts.is_empty() => self.rng.pick(&self.consts.clone()),
                _ => self.var_of(Kind::Int).unwrap_or_else(|| self.int_lit()),
            };
        }
        let d = d - 1;
        if self.try_depth > 0 && !self.hot && self.chance(12) {
            return self.raising_int(d);
        }
        const HOT: &[u64] = &[
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 17, 18, 20, 21, 30, 31,
        ];
        match self.arm(34, HOT) {
            0..=5 => {
                let op = self.rng.pick(&["+", "-", "*", "+", "-"]);
                format!("({} {op} {})", self.int_expr(d), self.int_expr(d))
            }
            6 => {
                let op = self.rng.pick(&["//", "%"]);
                if self.risky() {
                    format!("({} {op} {})", self.int_expr(d), self.int_expr(d))
                } else {
                    format!("({} {op} ({} or 7))", self.int_expr(d), self.int_expr(d))
                }
            }
            7 => {
                let op = self.rng.pick(&["&", "|", "^"]);
                format!("({} {op} {})", self.int_expr(d), self.int_expr(d))
            }
            8 => {
                let op = self.rng.pick(&["<<", ">>"]);
                format!("({} {op} ({} % 9))", self.int_expr(d), self.int_expr(d))
            }
            9 => format!("(-{})", self.int_expr(d)),
            10 => format!("abs({})", self.int_expr(d)),
            11 => {
                let f = self.rng.pick(&["min", "max"]);
                format!("{f}({}, {})", self.int_expr(d), self.int_expr(d))
            }
            12 => match self.var_of(Kind::List) {
                Some(l) => match self.rng.below(4) {
                    0 => format!("len({l})"),
                    1 => format!("sum({l})"),
                    2 if self.risky() => format!("{l}[{}]", self.int_expr(d)),
                    _ => format!("({l}[{} % len({l})] if {l} else -1)", self.int_expr(d)),
                },
                None => self.int_lit(),
            },
            13 => match self.var_of(Kind::Dict) {
                Some(m) => match self.rng.below(3) {
                    0 => format!("len({m})"),
                    1 if self.risky() => format!("{m}[{}]", self.int_expr(d)),
                    _ => format!("{m}.get({} % 8, {})", self.int_expr(d), self.int_expr(0)),
                },
                None => self.int_lit(),
            },
            14 => match self.var_of(Kind::Str) {
                Some(s) => {
                    if self.risky() {
                        format!("int({s})")
                    } else {
                        format!("len({s})")
                    }
                }
                None => self.int_lit(),
            },
            15 | 16 => self.call_expr(Kind::Int, d),
            17 => self.obj_int_expr(d),
            18 => format!(
                "({} if {} else {})",
                self.int_expr(d),
                self.bool_expr(d),
                self.int_expr(d)
            ),
            19 => format!("int({})", self.bool_expr(d)),
            20 => {
                // Float to int: int() truncates, round() and // round; inf/nan raise.
                let f = self.rng.pick(&["int", "round", "math.floor", "math.ceil"]);
                if self.risky() {
                    format!("{f}({})", self.num_expr(d))
                } else {
                    format!("{f}({} % 1000.0)", self.num_expr(d))
                }
            }
            21 => format!("({} ** {})", self.int_expr(d), self.rng.range(0, 3)),
            22 => {
                let x = self.int_expr(d);
                format!("sum(x * x for x in range(abs({x}) % 12))")
            }
            24 => format!(
                "divmod({}, ({} or 5))[{}]",
                self.int_expr(d),
                self.int_expr(d),
                self.rng.below(2)
            ),
            25 => format!(
                "pow({}, {} % 20, ({} or 7))",
                self.int_expr(d),
                self.int_expr(d),
                self.int_expr(d)
            ),
            26 => format!("({}).bit_length()", self.int_expr(d)),
            27 => match self.rng.below(3) {
                0 => format!("int(str({}))", self.int_expr(d)),
                1 => format!("int(hex({}), 16)", self.int_expr(d)),
                _ => format!("len(str({}))", self.int_expr(d)),
            },
            28 => {
                let st = self.str_expr(d);
                format!("(ord({st}[0]) if {st} else 0)")
            }
            29 => match self.var_of(Kind::List) {
                Some(l) => match self.rng.below(4) {
                    0 => format!("sum(map(abs, {l}))"),
                    1 => format!("len(list(filter(None, {l})))"),
                    2 => format!("sum(a * b for a, b in zip({l}, {l}[1:]))"),
                    _ => format!("sum(i * x for i, x in enumerate(reversed({l})))"),
                },
                None => self.int_lit(),
            },
            30 => format!("({} + {})", self.bool_expr(d), self.int_expr(d)),
            31 => match self.var_of(Kind::Val) {
                Some(v) => format!("{v}.x"),
                None => self.int_lit(),
            },
            32 => format!("mk_adder({})({})", self.int_expr(d), self.int_expr(d)),
            33 => match self.var_of(Kind::Val) {
                Some(v) => format!("hash({v})"),
                None => format!("abs({})", self.int_expr(d)),
            },
            _ => {
                let x = self.int_expr(d);
                format!("hash({x})")
            }
        }
    }

    fn val_expr(&mut self, d: u32) -> String {
        let d = d.saturating_sub(1);
        let v = self.var_of(Kind::Val);
        match (self.rng.below(8), v) {
            (0, Some(v)) => format!("({v} + {})", self.val_expr(d)),
            (1, Some(v)) => format!("({v} + {})", self.int_expr(d)),
            (2, Some(v)) => format!("({} + {v})", self.int_expr(d)),
            (3, Some(v)) => format!("({v} * {})", self.int_expr(d)),
            (4, Some(v)) => format!("(-{v})"),
            (5, Some(v)) => {
                let f = self.rng.pick(&["max", "min"]);
                format!("{f}({v}, {})", self.val_expr(d))
            }
            (6, Some(v)) => format!("sorted([{v}, {}, V(7)])[1]", self.val_expr(d)),
            _ => format!("V({})", self.int_expr(d)),
        }
    }

    /// An int expression that often raises (generated inside `try` blocks): CPython's exception types
    /// and messages for the common failures of builtins.
    fn raising_int(&mut self, d: u32) -> String {
        let i = self.int_expr(d);
        let l = self
            .var_of(Kind::List)
            .unwrap_or_else(|| "[1, 2, 3]".into());
        let m = self.var_of(Kind::Dict).unwrap_or_else(|| "{0: 1}".into());
        let st = self.var_of(Kind::Str).unwrap_or_else(|| "'12x'".into());
        let a = self.var_of(Kind::Any).unwrap_or_else(|| "None".into());
        match self.rng.below(20) {
            0 => format!("int({a})"),
            1 => format!("int({st})"),
            2 => format!("{l}[{i}]"),
            3 => format!("{m}[{i}]"),
            4 => format!("{l}.index({i})"),
            5 => format!("max({l})"),
            6 => format!("({i} // ({} % 3))", self.int_expr(d)),
            7 => format!("divmod({i}, {} % 2)[0]", self.int_expr(d)),
            8 => format!("pow({i}, -1, {})", self.int_expr(d)),
            9 => format!("{st}.index('z')"),
            10 => format!("math.factorial({i} % 30 - 3)"),
            11 => format!("len({a})"),
            12 => format!("int({} * 1e308)", self.num_expr(d)),
            13 => format!("math.isqrt({i})"),
            14 => format!("({i} << ({} % 5 - 2))", self.int_expr(d)),
            15 => format!("int({st}, 16)"),
            16 => format!("(lambda a, b: a)({i})"),
            17 => format!("{m}.pop({i})"),
            18 => match self
                .funcs
                .iter()
                .find(|f| !f.generator && (f.leaf || !self.in_func_body))
                .cloned()
            {
                Some(f) => {
                    let args = self.args(f.params + 1, 0);
                    format!("{}({args})", f.name)
                }
                None => format!("min({l})"),
            },
            _ => format!("sum({l}) // (len({l}) - len({l}))"),
        }
    }

    fn num_expr(&mut self, d: u32) -> String {
        if d == 0 || self.chance(20) {
            return match self.rng.below(5) {
                0 => self.rng.pick(FLOATS).to_string(),
                1 => self.var_of(Kind::Num).unwrap_or_else(|| self.int_expr(0)),
                2 => self
                    .var_of(Kind::Num)
                    .unwrap_or_else(|| self.rng.pick(FLOATS).to_string()),
                _ => self.int_expr(0),
            };
        }
        let d = d - 1;
        const HOT: &[u64] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 16, 18, 21];
        match self.arm(22, HOT) {
            0..=4 => {
                let op = self.rng.pick(&["+", "-", "*", "+", "*"]);
                format!("({} {op} {})", self.num_expr(d), self.num_expr(d))
            }
            5 => {
                if self.risky() {
                    format!("({} / {})", self.num_expr(d), self.num_expr(d))
                } else {
                    format!("({} / ({} or 2))", self.num_expr(d), self.num_expr(d))
                }
            }
            6 => {
                let op = self.rng.pick(&["//", "%"]);
                if self.risky() {
                    format!("({} {op} {})", self.num_expr(d), self.num_expr(d))
                } else {
                    format!("({} {op} ({} or 3.5))", self.num_expr(d), self.num_expr(d))
                }
            }
            7 => format!("({} ** {})", self.num_expr(d), self.rng.range(0, 3)),
            8 => format!("float({})", self.int_expr(d)),
            9 => format!("abs({})", self.num_expr(d)),
            10 => {
                let f = self.rng.pick(&["min", "max"]);
                format!("{f}({}, {})", self.num_expr(d), self.num_expr(d))
            }
            11 => {
                if self.risky() {
                    format!("math.sqrt({})", self.num_expr(d))
                } else {
                    format!("math.sqrt(abs({}))", self.num_expr(d))
                }
            }
            12 => format!("round({}, {})", self.num_expr(d), self.rng.range(0, 4)),
            13 => self.call_expr(Kind::Num, d),
            14 => format!(
                "({} if {} else {})",
                self.num_expr(d),
                self.bool_expr(d),
                self.num_expr(d)
            ),
            16 => {
                if self.chance(20) {
                    self.rng
                        .pick(&["float('inf')", "float('nan')", "-float('inf')", "-0.0"])
                        .to_string()
                } else {
                    format!("(1e-300 * {})", self.num_expr(d))
                }
            }
            17 => format!("sum([{}, {}, 0.1])", self.num_expr(d), self.num_expr(d)),
            18 => format!("({} / 3)", self.int_expr(d)),
            19 => {
                let x = self.num_expr(d);
                match self.rng.below(9) {
                    0 => format!("math.fabs({x})"),
                    1 => format!("math.trunc({x} % 1e9)"),
                    2 => format!("math.copysign(1.5, {x})"),
                    3 => format!("math.hypot({x}, {})", self.num_expr(d)),
                    4 => format!("math.log(abs({x}) + 1)"),
                    5 => format!("math.exp({x} % 10)"),
                    6 => format!("math.sin({x})"),
                    7 => format!("math.atan2({x}, {})", self.num_expr(d)),
                    _ => format!("math.fmod({x}, 7.5)"),
                }
            }
            20 => self
                .rng
                .pick(&[
                    "float('1e5')",
                    "float(' -2.5 ')",
                    "float('0.1')",
                    "float(7)",
                ])
                .to_string(),
            21 => format!("({} * 0.1)", self.int_expr(d)),
            _ => self.int_expr(d),
        }
    }

    /// A condition, parenthesized (it may be used as an int operand).
    fn bool_expr(&mut self, d: u32) -> String {
        let b = self.bool_inner(d);
        format!("({b})")
    }

    fn bool_inner(&mut self, d: u32) -> String {
        let d = d.saturating_sub(1);
        const HOT: &[u64] = &[0, 1, 2, 3, 4, 5, 6, 7];
        match self.arm(16, HOT) {
            0..=3 => {
                let op = self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]);
                format!("{} {op} {}", self.num_expr(d), self.num_expr(d))
            }
            4 => {
                let op = self.rng.pick(&["<", "<=", "=="]);
                format!(
                    "{} {op} {} {op} {}",
                    self.int_expr(d),
                    self.int_expr(d),
                    self.int_expr(d)
                )
            }
            5 => format!("{} % {} == 0", self.int_expr(d), self.rng.range(2, 7)),
            6 => {
                let op = self.rng.pick(&["and", "or"]);
                format!("({} {op} {})", self.bool_expr(d), self.bool_expr(d))
            }
            7 => format!("not {}", self.bool_expr(d)),
            8 => match self.var_of(Kind::List) {
                Some(l) => format!("{} in {l}", self.int_expr(d)),
                None => "True".into(),
            },
            9 => match self.var_of(Kind::Dict) {
                Some(m) => format!("{} % 8 in {m}", self.int_expr(d)),
                None => "False".into(),
            },
            10 => match self.var_of(Kind::Str) {
                Some(s) => {
                    let op = self.rng.pick(&["<", "==", ">="]);
                    format!("{s} {op} {}", self.str_expr(d))
                }
                None => "True".into(),
            },
            11 => match self.var_of(Kind::Any) {
                Some(a) => {
                    let t = self
                        .rng
                        .pick(&["int", "float", "str", "list", "(int, float)"]);
                    format!("isinstance({a}, {t})")
                }
                None => format!("bool({})", self.int_expr(d)),
            },
            12 => {
                let x = self.num_expr(d);
                self.rng.pick(&[
                    format!("math.isnan({x})"),
                    format!("math.isinf({x})"),
                    format!("({x}) != ({x})"),
                ])
            }
            13 => match self.var_of(Kind::List) {
                Some(l) => {
                    let f = self.rng.pick(&["any", "all"]);
                    format!("{f}(x > {} for x in {l})", self.int_expr(d))
                }
                None => "False".into(),
            },
            14 => match self.var_of(Kind::Val) {
                Some(v) => {
                    let op = self.rng.pick(&["<", ">", "==", "!="]);
                    let w = self.val_expr(d);
                    if self.chance(30) {
                        format!("bool({v})")
                    } else {
                        format!("{v} {op} {w}")
                    }
                }
                None => "True".into(),
            },
            _ => {
                // int/float/bigint comparisons across the exactness boundary.
                let a = self.rng.pick(BIG_INTS);
                let op = self.rng.pick(&["<", "==", ">=", "!="]);
                format!("{a} {op} float({a}) + {}", self.num_expr(d))
            }
        }
    }

    fn str_expr(&mut self, d: u32) -> String {
        if d == 0 || self.chance(20) {
            return match self.rng.below(3) {
                0 => self.rng.pick(STRS).to_string(),
                _ => self
                    .var_of(Kind::Str)
                    .unwrap_or_else(|| self.rng.pick(STRS).to_string()),
            };
        }
        let d = d - 1;
        match self.rng.below(23) {
            0..=2 => format!("({} + {})", self.str_expr(d), self.str_expr(d)),
            3 => format!("str({})", self.num_expr(d)),
            4 => format!("repr({})", self.num_expr(d)),
            5 => format!(
                "{}[{}:{}]",
                self.str_expr(d),
                self.rng.range(-4, 3),
                self.rng.range(-2, 6)
            ),
            6 => format!("({} * ({} % 3))", self.str_expr(d), self.int_expr(d)),
            7 => {
                let m = self
                    .rng
                    .pick(&["upper", "lower", "strip", "title", "swapcase"]);
                format!("{}.{m}()", self.str_expr(d))
            }
            8 => {
                let spec = self.rng.pick(&[
                    "", ":>6", ":<5", ":^7", ":.3f", ":.2e", ":g", ":+.1f", ":08.2f",
                ]);
                let ispec = self
                    .rng
                    .pick(&["", ":5d", ":x", ":,", ":+d", ":b", ":o", ":_"]);
                let (x, i) = (self.num_expr(d), self.int_expr(d));
                if (x.clone() + &i).contains(['{', '}', '"', '\'']) {
                    // Python 3.11's f-strings cannot nest these (3.12's can): keep it simple.
                    format!("(str({x}) + '|' + str({i}))")
                } else {
                    format!("f\"{{{x}{spec}}}|{{{i}{ispec}}}\"")
                }
            }
            9 => match self.var_of(Kind::List) {
                Some(l) => format!("','.join(str(x) for x in {l}[:4])"),
                None => "'nolist'".into(),
            },
            10 => format!("('%d-%s' % ({}, {}))", self.int_expr(d), self.str_expr(d)),
            11 => match self.var_of(Kind::Any) {
                Some(a) => format!("type({a}).__name__"),
                None => "'x'".into(),
            },
            12 => format!("str({})", self.int_expr(d)),
            14 => {
                let st = self.str_expr(d);
                self.rng.pick(&[
                    format!("{st}.replace('l', 'L')"),
                    format!("'-'.join({st}.split())"),
                    format!("'/'.join({st}.split('l'))"),
                    format!("{st}.strip(' a')"),
                ])
            }
            15 => {
                let st = self.str_expr(d);
                let n = self.int_expr(d);
                self.rng.pick(&[
                    format!("{st}.center({n} % 12, '*')"),
                    format!("{st}.zfill({n} % 9)"),
                    format!("{st}.ljust({n} % 7, '.')"),
                    format!("{st}.rjust({n} % 7)"),
                ])
            }
            16 => {
                let st = self.str_expr(d);
                self.rng.pick(&[
                    format!("str({st}.find('l'))"),
                    format!("str({st}.count('l'))"),
                    format!("str({st}.startswith('h'))"),
                    format!("str({st}.isdigit())"),
                ])
            }
            17 => {
                let i = self.int_expr(d);
                self.rng.pick(&[
                    format!("chr(65 + {i} % 26)"),
                    format!("hex({i})"),
                    format!("bin({i})"),
                    format!("oct({i})"),
                ])
            }
            18 => {
                let x = self.num_expr(d);
                let i = self.int_expr(d);
                self.rng.pick(&[
                    format!("'{{}}:{{}}'.format({x}, {i})"),
                    format!("'{{:>9.3f}}'.format({x})"),
                    format!("'{{0}}{{1}}{{0}}'.format({i}, {x})"),
                    format!("'{{:e}}'.format({x})"),
                ])
            }
            19 => {
                let x = self.num_expr(d);
                let i = self.int_expr(d);
                let st = self.str_expr(d);
                self.rng.pick(&[
                    format!("('%.3f|%5s|%r' % ({x}, {st}, {st}))"),
                    format!("('%x %o %e' % ({i}, {i}, {x}))"),
                    format!("('%g' % {x})"),
                    format!("('%+08.2f' % {x})"),
                ])
            }
            20 => {
                let st = self.str_expr(d);
                self.rng.pick(&[
                    format!("{st}[::-1]"),
                    format!("{st}[::2]"),
                    format!("{st}[1::3]"),
                ])
            }
            21 => match self.var_of(Kind::List) {
                Some(l) => self.rng.pick(&[
                    format!("repr({l}[:5])"),
                    format!("str(tuple({l}[:3]))"),
                    format!("repr(set({l}[:6]))"),
                    format!("repr({l}[::-2])"),
                ]),
                None => "'()'".into(),
            },
            22 => match self.var_of(Kind::Val) {
                Some(v) => format!("repr({v})"),
                None => "'V'".into(),
            },
            _ => format!(
                "({} if {} else {})",
                self.str_expr(d),
                self.bool_expr(d),
                self.str_expr(d)
            ),
        }
    }

    fn list_expr(&mut self, d: u32) -> String {
        let d = d.saturating_sub(1);
        match self.rng.below(11) {
            8 => match self.var_of(Kind::List) {
                Some(l) => {
                    let e = self.int_expr(d);
                    self.rng.pick(&[
                        format!("{l}[::-1]"),
                        format!("{l}[::2]"),
                        format!("{l} + [{e}]"),
                        format!("{l}[:3] * 2"),
                        format!("list(reversed({l}))"),
                        format!("sorted(set({l}))"),
                    ])
                }
                None => "[]".into(),
            },
            9 => match self.var_of(Kind::List) {
                Some(l) => {
                    let k = self.int_expr(d);
                    self.rng.pick(&[
                        format!("[a + b for a, b in zip({l}, {l}[1:])]"),
                        format!("list(map(lambda x: x * 2 + {k}, {l}))"),
                        format!("[x for x in {l} if x % 3]"),
                        format!("[y for x in {l}[:3] for y in range(x % 4)]"),
                    ])
                }
                None => "[]".into(),
            },
            10 => match self.var_of(Kind::Val) {
                Some(v) => format!("[{v}.x, ({v} * 2).x]"),
                None => "[]".into(),
            },
            0 => "[]".into(),
            1 => {
                let n = self.rng.range(1, 4);
                let items: Vec<String> = (0..n).map(|_| self.int_expr(d)).collect();
                format!("[{}]", items.join(", "))
            }
            2 => format!("list(range({} % 10))", self.int_expr(d)),
            3 => match self.var_of(Kind::List) {
                Some(l) => {
                    let e = self.with_var("x", Kind::Int, |g| g.int_expr(d));
                    let c = self.with_var("x", Kind::Int, |g| g.bool_expr(d));
                    format!("[{e} for x in {l} if {c}]")
                }
                None => "[1, 2, 3]".into(),
            },
            4 => match self.var_of(Kind::List) {
                Some(l) => {
                    if self.chance(50) {
                        format!("sorted({l})")
                    } else {
                        let k = self.with_var("v", Kind::Int, |g| g.int_expr(1));
                        format!("sorted({l}, key=lambda v: {k})")
                    }
                }
                None => "[0]".into(),
            },
            5 => match self.var_of(Kind::List) {
                Some(l) => format!("{l}[{}:{}]", self.rng.range(-5, 2), self.rng.range(-1, 8)),
                None => "[5]".into(),
            },
            6 => match self.gen_func() {
                Some(f) => {
                    let args = self.args(f.params, d);
                    format!("list({}({args}))", f.name)
                }
                None => "[7, 8]".into(),
            },
            _ => match self.var_of(Kind::Dict) {
                Some(m) => format!("list({m})"),
                None => "[9]".into(),
            },
        }
    }

    fn dict_expr(&mut self, d: u32) -> String {
        let d = d.saturating_sub(1);
        match self.rng.below(3) {
            0 => "{}".into(),
            1 => {
                let n = self.rng.range(1, 3);
                let items: Vec<String> = (0..n)
                    .map(|k| format!("{k}: {}", self.int_expr(d)))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            _ => {
                let e = self.with_var("k", Kind::Int, |g| g.int_expr(d));
                format!("{{k: {e} for k in range({} % 6)}}", self.int_expr(d))
            }
        }
    }

    fn any_expr(&mut self, d: u32) -> String {
        match self.rng.below(7) {
            0 => self.int_expr(d),
            1 => self.num_expr(d),
            2 => self.str_expr(d),
            3 => self.list_expr(d),
            4 => "None".into(),
            _ => {
                let a = self.any_simple(d);
                let b = self.any_simple(d);
                format!("({a} if {} else {b})", self.bool_expr(d))
            }
        }
    }

    fn any_simple(&mut self, d: u32) -> String {
        match self.rng.below(4) {
            0 => self.int_expr(d.min(1)),
            1 => self.num_expr(d.min(1)),
            2 => self.str_expr(d.min(1)),
            _ => format!("[{}]", self.int_expr(0)),
        }
    }

    fn expr_of(&mut self, k: Kind, d: u32) -> String {
        match k {
            Kind::Int => self.int_expr(d),
            Kind::Num => self.num_expr(d),
            Kind::Str => self.str_expr(d),
            Kind::List => self.list_expr(d),
            Kind::Dict => self.dict_expr(d),
            Kind::Obj(c) => self.new_obj(c, d),
            Kind::Any => self.any_expr(d),
            Kind::Val => self.val_expr(d),
        }
    }

    fn with_var<T>(&mut self, name: &str, kind: Kind, f: impl FnOnce(&mut Self) -> T) -> T {
        self.vars.push(Var {
            name: name.into(),
            kind,
        });
        let r = f(self);
        self.vars.pop();
        r
    }

    fn args(&mut self, n: usize, d: u32) -> String {
        (0..n)
            .map(|_| self.int_expr(d.min(2)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn gen_func(&mut self) -> Option<Func> {
        if self.in_func_body {
            return None;
        }
        let gs: Vec<Func> = self.funcs.iter().filter(|f| f.generator).cloned().collect();
        if gs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&gs))
        }
    }

    /// A call of a plain function returning `k` (an int is also a number).
    fn call_expr(&mut self, k: Kind, d: u32) -> String {
        let risky = self.risky();
        let fs: Vec<Func> = self
            .funcs
            .iter()
            .filter(|f| {
                !f.generator
                    && (f.ret == k || k == Kind::Num)
                    && (risky || !f.raises)
                    && (f.leaf || !self.in_func_body)
                    && (f.leaf || !self.hot)
            })
            .cloned()
            .collect();
        if fs.is_empty() {
            return if k == Kind::Int {
                self.int_lit()
            } else {
                self.rng.pick(FLOATS).to_string()
            };
        }
        let f = self.rng.pick(&fs);
        let args = self.args(f.params, d);
        format!("{}({args})", f.name)
    }

    fn new_obj(&mut self, c: usize, d: u32) -> String {
        // Any subclass of `c` will do.
        let subs: Vec<usize> = (0..self.classes.len())
            .filter(|&s| self.is_subclass(s, c))
            .collect();
        let s = self.rng.pick(&subs);
        let n = self.classes[s].attrs.len().min(2);
        let args = self.args(n, d);
        format!("{}({args})", self.classes[s].name)
    }

    fn obj_int_expr(&mut self, d: u32) -> String {
        let objs: Vec<(String, usize)> = self
            .vars
            .iter()
            .filter_map(|v| match v.kind {
                Kind::Obj(c) => Some((v.name.clone(), c)),
                _ => None,
            })
            .collect();
        if objs.is_empty() {
            return self.int_lit();
        }
        let (o, c) = self.rng.pick(&objs);
        if self.hot || self.chance(50) {
            let a = self.rng.pick(&self.classes[c].attrs.clone());
            format!("{o}.{a}")
        } else {
            format!("{o}.step({})", self.int_expr(d))
        }
    }

    // ---------------------------------------------------------------- statements

    fn block(&mut self, n: i64) {
        self.indent += 1;
        self.block_depth += 1;
        let start = self.out.len();
        for _ in 0..n {
            if self.budget <= 0 {
                break;
            }
            self.stmt();
        }
        if self.out.len() == start {
            self.line("pass");
        }
        self.block_depth -= 1;
        self.indent -= 1;
    }

    fn stmt(&mut self) {
        self.budget -= 1;
        let top = self.block_depth == 0;
        const HOT: &[u64] = &[
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 19, 22, 30,
        ];
        match self.arm(34, HOT) {
            30 => self.swap_stmt(),
            31 | 32 => self.with_stmt(),
            33 => match self.var_of(Kind::Val) {
                Some(v) => {
                    let e = self.val_expr(2);
                    self.line(&format!("{v} = {e}"));
                }
                None => self.print_stmt(),
            },
            0..=4 => self.assign(),
            5 | 6 => self.aug_assign(),
            7 | 8 => self.if_stmt(),
            9..=11 if self.loop_depth < 3 => self.for_stmt(),
            12 if self.loop_depth < 3 => self.while_stmt(),
            13 | 14 => self.list_stmt(),
            15 => self.dict_stmt(),
            16 | 17 if self.try_depth < 2 => self.try_stmt(),
            18 => self.print_stmt(),
            19 if self.loop_depth > 0 => {
                let c = self.bool_expr(2);
                let kw = self.rng.pick(&["break", "continue"]);
                self.line(&format!("if {c}:"));
                self.indent += 1;
                self.line(kw);
                self.indent -= 1;
            }
            20 => self.obj_stmt(),
            21 if top && self.in_function => self.new_var(),
            22 => self.type_change(),
            23 if self.counter_ok => {
                let c = self.counter.clone().unwrap();
                // `global` must come before any use in the function: declared at its start.
                let e = self.int_expr(1);
                self.line(&format!("{c} = ({c} + {e}) % 1000003"));
            }
            24 => {
                let f = self
                    .funcs
                    .iter()
                    .filter(|f| f.raises && (f.leaf || !self.in_func_body))
                    .cloned()
                    .collect::<Vec<_>>();
                if let (true, false) = (self.try_depth > 0, f.is_empty()) {
                    let f = self.rng.pick(&f);
                    let args = self.args(f.params, 1);
                    self.line(&format!("{}({args})", f.name));
                } else {
                    self.assign();
                }
            }
            25 if self.try_depth > 0 && !self.excs.is_empty() => {
                let e = self.rng.pick(&self.excs.clone());
                let c = self.bool_expr(1);
                let v = self.int_expr(1);
                self.line(&format!("if {c}:"));
                self.indent += 1;
                self.line(&format!("raise {e}({v})"));
                self.indent -= 1;
            }
            26 => {
                if let Some(g) = self.gen_func() {
                    let args = self.args(g.params, 1);
                    let loop_var = self.fresh("g");
                    self.line(&format!("for {loop_var} in {}({args}):", g.name));
                    self.loop_depth += 1;
                    self.vars.push(Var {
                        name: loop_var,
                        kind: Kind::Int,
                    });
                    let n = self.rng.range(1, 3);
                    self.block(n);
                    self.vars.pop();
                    self.loop_depth -= 1;
                } else {
                    self.print_stmt();
                }
            }
            _ => self.assign(),
        }
    }

    /// Bound `e` of kind `k` for storing in a variable inside a loop.
    fn bounded(&mut self, k: Kind, e: String) -> String {
        if self.loop_depth == 0 && self.chance(50) {
            return e;
        }
        match k {
            Kind::Int | Kind::Num => {
                let m = self.modulus();
                if self.chance(30) {
                    format!("({e}) % {m} - {m} // 2")
                } else {
                    format!("({e}) % {m}")
                }
            }
            Kind::Str => format!("({e})[-24:]"),
            Kind::List => format!("({e})[-16:]"),
            _ => e,
        }
    }

    fn assign(&mut self) {
        if self.vars.is_empty() {
            return self.print_stmt();
        }
        let pool: Vec<Var> = if self.hot {
            self.vars
                .iter()
                .filter(|v| matches!(v.kind, Kind::Int | Kind::Num))
                .cloned()
                .collect()
        } else {
            self.vars.clone()
        };
        if pool.is_empty() {
            return;
        }
        let v = self.rng.pick(&pool);
        if !(v.name.starts_with('v') || v.name.starts_with('p')) {
            // Loop variables and `while` counters are not reassigned (that keeps loops bounded).
            return self.print_stmt();
        }
        let e = match v.kind {
            Kind::Any => self.any_expr(2),
            k => {
                let e = self.expr_of(k, 3);
                self.bounded(k, e)
            }
        };
        self.line(&format!("{} = {e}", v.name));
    }

    fn aug_assign(&mut self) {
        let nums: Vec<Var> = self
            .vars
            .iter()
            .filter(|v| {
                matches!(v.kind, Kind::Int | Kind::Num | Kind::Str)
                    && v.name.starts_with('v')
                    && !(self.hot && v.kind == Kind::Str)
            })
            .cloned()
            .collect();
        if nums.is_empty() {
            return self.assign();
        }
        let v = self.rng.pick(&nums);
        match v.kind {
            Kind::Str => {
                let e = self.str_expr(1);
                self.line(&format!("{} += {e}", v.name));
                self.line(&format!("{0} = {0}[-30:]", v.name));
            }
            Kind::Int => {
                let op = self.rng.pick(&["+=", "-=", "^=", "|=", "+="]);
                let e = self.int_expr(2);
                self.line(&format!("{} {op} {e}", v.name));
            }
            _ => {
                let op = self.rng.pick(&["+=", "-="]);
                let e = self.num_expr(2);
                self.line(&format!("{} {op} {e}", v.name));
            }
        }
    }

    /// Change a variable's type mid-loop: an int becomes a float or a bigint, or an `Any` variable
    /// takes another type.
    fn type_change(&mut self) {
        let cands: Vec<Var> = self
            .vars
            .iter()
            .filter(|v| matches!(v.kind, Kind::Num | Kind::Any) && v.name.starts_with('v'))
            .cloned()
            .collect();
        if cands.is_empty() || self.loop_depth == 0 {
            return self.assign();
        }
        let v = self.rng.pick(&cands);
        let i = self.var_of(Kind::Int).unwrap_or_else(|| "0".into());
        let k = self.rng.range(0, 30);
        let rhs = match v.kind {
            Kind::Num => self.rng.pick(&[
                format!("{} + 0.5", v.name),
                format!("{} * 10**19", v.name),
                format!("{} * 2**64 + 1", v.name),
                "True".into(),
                format!("float({} % 1000)", v.name),
                format!("int({} % 1000)", v.name),
                format!("-{}", v.name),
            ]),
            _ => self.any_expr(1),
        };
        self.line(&format!("if {i} % 31 == {k}:"));
        self.indent += 1;
        self.line(&format!("{} = {rhs}", v.name));
        self.indent -= 1;
    }

    /// Tuple assignment: `a, b = b, (a + b) % m` (evaluated before storing).
    fn swap_stmt(&mut self) {
        let ints: Vec<String> = self
            .vars
            .iter()
            .filter(|v| v.kind == Kind::Int && (v.name.starts_with('v') || v.name.starts_with('p')))
            .map(|v| v.name.clone())
            .collect();
        if ints.len() < 2 {
            return self.assign();
        }
        let a = self.rng.pick(&ints);
        let b = self.rng.pick(&ints);
        if a == b {
            return self.assign();
        }
        let m = self.modulus();
        if self.hot || self.chance(50) {
            self.line(&format!("{a}, {b} = {b}, ({a} + {b}) % {m}"));
        } else {
            let e = self.int_expr(1);
            self.line(&format!("({a}, *_rest), {b} = ({b}, {e}, 0), {a} % {m}"));
        }
    }

    /// `with CM(...)`: the manager prints its enter and exit; a suppressing one is generated only where
    /// the block may raise (it counts as a `try`).
    fn with_stmt(&mut self) {
        let suppress = self.try_depth < 2 && self.chance(50);
        let tag = self.rng.range(0, 99);
        let sup = if suppress { "True" } else { "False" };
        self.line(&format!("with CM({tag}, {sup}) as cm:"));
        if suppress {
            self.try_depth += 1;
        }
        let n = self.rng.range(1, 3);
        self.block(n);
        if suppress {
            self.try_depth -= 1;
        }
    }

    fn new_var(&mut self) {
        let kind = match self.rng.below(10) {
            0..=2 => Kind::Int,
            3 | 4 => Kind::Num,
            5 => Kind::Str,
            6 => Kind::List,
            7 => Kind::Dict,
            8 if !self.classes.is_empty() => {
                Kind::Obj(self.rng.below(self.classes.len() as u64) as usize)
            }
            8 => Kind::Val,
            _ => {
                if self.chance(30) {
                    Kind::Val
                } else {
                    Kind::Any
                }
            }
        };
        let name = self.fresh("v");
        let e = self.expr_of(kind, 2);
        self.line(&format!("{name} = {e}"));
        self.vars.push(Var { name, kind });
    }

    fn if_stmt(&mut self) {
        // Sometimes the polymorphic pattern: branch on the dynamic type of an Any variable.
        if let (true, Some(a)) = (!self.hot && self.chance(30), self.var_of(Kind::Any)) {
            let t = self.rng.pick(&["int", "float", "str", "list"]);
            self.line(&format!("if isinstance({a}, {t}):"));
            let acc = self.var_of(Kind::Num);
            self.indent += 1;
            match (t, acc) {
                ("int" | "float", Some(acc)) => {
                    self.line(&format!("{acc} = ({acc} + {a}) % 65537"))
                }
                ("str" | "list", _) => self.line(&format!("print('len', len({a}))")),
                _ => self.line(&format!("print('val', {a})")),
            }
            self.indent -= 1;
            self.line("else:");
            self.block(1);
            return;
        }
        let c = self.bool_expr(3);
        self.line(&format!("if {c}:"));
        let n = self.rng.range(1, 3);
        self.block(n);
        if self.chance(30) {
            let c = self.bool_expr(2);
            self.line(&format!("elif {c}:"));
            let n = self.rng.range(1, 2);
            self.block(n);
        }
        if self.chance(40) {
            self.line("else:");
            let n = self.rng.range(1, 2);
            self.block(n);
        }
    }

    /// Numeric variables that the coming loop body may turn into floats or bigints.
    fn widen_for_loop(&mut self) -> Vec<usize> {
        let mut widened = Vec::new();
        if self.loop_depth > 0 {
            // Only for a whole loop nest: code earlier in an enclosing loop's body assumed the kind.
            return widened;
        }
        for i in 0..self.vars.len() {
            if self.vars[i].kind == Kind::Int
                && self.vars[i].name.starts_with('v')
                && self.chance(30)
            {
                self.vars[i].kind = Kind::Num;
                widened.push(i);
            }
        }
        widened
    }

    fn trip_count(&mut self) -> String {
        let n = match (self.loop_depth, self.in_func_body) {
            (0, false) => self.rng.pick(&[0, 1, 2, 5, 17, 50, 100, 200, 300]),
            (0, true) => self.rng.range(0, 20),
            (_, false) => self.rng.range(0, 8),
            (_, true) => self.rng.range(0, 4),
        };
        match self.rng.below(5) {
            0 => format!("{} % {}", self.int_expr(1), n.max(1) + 1),
            1 => format!("{}, {n}", self.rng.range(-3, 3)),
            2 => format!("{n}, 0, -{}", self.rng.range(1, 3)),
            _ => format!("{n}"),
        }
    }

    /// Make the coming loop (and everything in it) JIT-friendly, sometimes; returns the previous mode.
    fn enter_loop(&mut self) -> bool {
        let was = self.hot;
        if self.loop_depth == 0 && self.in_function && self.chance(50) {
            self.hot = true;
        }
        was
    }

    fn for_stmt(&mut self) {
        let was_hot = self.enter_loop();
        self.widen_for_loop();
        let nvars = self.vars.len();
        let i = self.fresh("i");
        let r = self.trip_count();
        if !self.hot && self.chance(15) {
            if let Some(l) = self.var_of(Kind::List) {
                // Iterate over a copy: the body may mutate the list.
                self.line(&format!("for {i} in {l}[:]:"));
            } else {
                self.line(&format!("for {i} in range({r}):"));
            }
        } else if !self.hot && self.chance(10) {
            let j = self.fresh("i");
            self.line(&format!("for {j}, {i} in enumerate(range({r})):"));
            self.vars.push(Var {
                name: j,
                kind: Kind::Int,
            });
        } else {
            self.line(&format!("for {i} in range({r}):"));
        }
        self.vars.push(Var {
            name: i,
            kind: Kind::Int,
        });
        self.loop_depth += 1;
        let n = self.rng.range(1, 5);
        self.block(n);
        self.loop_depth -= 1;
        // A loop variable can stay unbound (empty range): forget it (and enumerate's).
        self.vars.truncate(nvars);
        if self.chance(20) {
            self.line("else:");
            self.block(1);
        }
        self.hot = was_hot;
    }

    fn while_stmt(&mut self) {
        let was_hot = self.enter_loop();
        self.widen_for_loop();
        let c = self.fresh("w");
        let n = if self.loop_depth == 0 {
            self.rng.pick(&[3, 40, 150])
        } else {
            self.rng.range(0, 8)
        };
        self.line(&format!("{c} = 0"));
        let extra = self.bool_expr(1);
        let cond = if self.chance(40) {
            format!("{c} < {n} and not ({extra})")
        } else {
            format!("{c} < {n}")
        };
        self.line(&format!("while {cond}:"));
        self.indent += 1;
        // The counter goes first so that `continue` cannot skip it.
        self.line(&format!("{c} += 1"));
        self.indent -= 1;
        self.vars.push(Var {
            name: c.clone(),
            kind: Kind::Int,
        });
        self.loop_depth += 1;
        let n = self.rng.range(1, 4);
        self.block(n);
        self.loop_depth -= 1;
        self.vars.retain(|v| v.name != c);
        self.hot = was_hot;
    }

    fn list_stmt(&mut self) {
        let Some(l) = self.var_of(Kind::List) else {
            return self.assign();
        };
        if self.hot {
            if self.chance(60) {
                let e = self.int_expr(2);
                self.line(&format!("{l}.append({e})"));
                self.line(&format!("if len({l}) > 40:"));
                self.indent += 1;
                self.line(&format!("{l} = {l}[-20:]"));
                self.indent -= 1;
            } else {
                let (i, x) = (self.int_expr(1), self.int_expr(2));
                self.line(&format!("if {l}:"));
                self.indent += 1;
                self.line(&format!("{l}[{i} % len({l})] = {x}"));
                self.indent -= 1;
            }
            return;
        }
        match self.rng.below(8) {
            0..=2 => {
                let e = self.int_expr(2);
                self.line(&format!("{l}.append({e})"));
                self.line(&format!("if len({l}) > 40:"));
                self.indent += 1;
                self.line(&format!("del {l}[:20]"));
                self.indent -= 1;
            }
            3 => {
                self.line(&format!("if {l}:"));
                self.indent += 1;
                let e = self.int_expr(1);
                let x = self.int_expr(1);
                self.line(&format!("{l}[{e} % len({l})] = {x}"));
                self.indent -= 1;
            }
            4 => {
                if self.risky() {
                    self.line(&format!("{l}.pop()"));
                } else {
                    self.line(&format!("if {l}:"));
                    self.indent += 1;
                    let x = self.int_expr(1);
                    self.line(&format!("{l}.pop({x} % len({l}))"));
                    self.indent -= 1;
                }
            }
            5 => {
                if self.chance(50) {
                    self.line(&format!("{l}.sort()"));
                } else {
                    self.line(&format!("{l}.sort(reverse=True)"));
                }
            }
            6 => {
                let e = self.list_expr(1);
                self.line(&format!("{l}.extend({e}[:5])"));
                self.line(&format!("del {l}[:-30]"));
            }
            _ => {
                let e = self.int_expr(1);
                let x = self.int_expr(1);
                self.line(&format!("{l}.insert({e} % 5, {x})"));
                self.line(&format!("del {l}[30:]"));
            }
        }
    }

    fn dict_stmt(&mut self) {
        let Some(m) = self.var_of(Kind::Dict) else {
            return self.assign();
        };
        match self.rng.below(5) {
            0 | 1 => {
                let k = self.int_expr(2);
                let v = self.int_expr(2);
                self.line(&format!("{m}[{k} % 8] = {v}"));
            }
            2 => {
                let k = self.int_expr(1);
                if self.risky() {
                    self.line(&format!("del {m}[{k}]"));
                } else {
                    self.line(&format!("{m}.pop({k} % 8, None)"));
                }
            }
            3 => {
                let k = self.int_expr(1);
                let v = self.int_expr(1);
                self.line(&format!("{m}[{k} % 8] = {m}.get({k} % 8, 0) + {v}"));
            }
            _ => {
                let acc = self.var_of(Kind::Num).or_else(|| self.var_of(Kind::Int));
                match acc {
                    Some(acc) if acc.starts_with('v') => {
                        let (k, v) = (self.fresh("k"), self.fresh("x"));
                        self.line(&format!("for {k}, {v} in sorted({m}.items()):"));
                        self.indent += 1;
                        self.line(&format!("{acc} = ({acc} + {k} * {v}) % 1000003"));
                        self.indent -= 1;
                    }
                    _ => self.line(&format!("print(sorted({m}.items())[:5])")),
                }
            }
        }
    }

    fn obj_stmt(&mut self) {
        let objs: Vec<(String, usize)> = self
            .vars
            .iter()
            .filter_map(|v| match v.kind {
                Kind::Obj(c) => Some((v.name.clone(), c)),
                _ => None,
            })
            .collect();
        if objs.is_empty() {
            return self.assign();
        }
        let (o, c) = self.rng.pick(&objs);
        match self.rng.below(3) {
            0 => {
                let a = self.rng.pick(&self.classes[c].attrs.clone());
                let e = self.int_expr(2);
                let e = self.bounded(Kind::Int, e);
                self.line(&format!("{o}.{a} = {e}"));
            }
            1 => {
                let e = self.int_expr(1);
                self.line(&format!("{o}.step({e})"));
            }
            _ => {
                if self.loop_depth > 0 {
                    let e = self.new_obj(c, 1);
                    self.line(&format!("{o} = {e}"));
                } else {
                    let a = self.rng.pick(&self.classes[c].attrs.clone());
                    self.line(&format!("print({o}.{a}, {o}.describe())"));
                }
            }
        }
    }

    fn try_stmt(&mut self) {
        self.line("try:");
        self.try_depth += 1;
        let n = self.rng.range(1, 4);
        self.block(n);
        self.try_depth -= 1;
        let mut clauses = vec![
            "ZeroDivisionError",
            "(IndexError, KeyError)",
            "ValueError",
            "TypeError",
            "OverflowError",
            "ArithmeticError",
        ];
        let excs = self.excs.clone();
        for e in &excs {
            clauses.push(e);
        }
        let n = self.rng.range(1, 3);
        let mut used = Vec::new();
        for _ in 0..n {
            let c = self.rng.pick(&clauses);
            if used.contains(&c) {
                continue;
            }
            used.push(c);
            self.line(&format!("except {c} as e:"));
            self.indent += 1;
            match self.rng.below(4) {
                3 if self.try_depth > 0 => {
                    self.line("print('wrapping', type(e).__name__)");
                    self.line("raise ValueError('wrapped') from e");
                }
                0 | 3 => self.line("print('caught', type(e).__name__, e)"),
                1 => self.line("print('caught', repr(e), e.args)"),
                _ => self.line(&format!("print('caught {c}', str(e)[:60])")),
            }
            self.indent -= 1;
        }
        if self.chance(75) {
            self.line("except Exception as e:");
            self.indent += 1;
            self.line("print('other', type(e).__name__, e)");
            self.indent -= 1;
        }
        if self.chance(25) {
            self.line("else:");
            self.block(1);
        }
        if self.chance(25) {
            self.line("finally:");
            self.indent += 1;
            let e = self.int_expr(1);
            self.line(&format!("print('finally', {e})"));
            self.indent -= 1;
        }
    }

    fn print_stmt(&mut self) {
        if self.hot {
            // Printing is not traced: keep it on a rarely taken branch (a side exit).
            let i = self.var_of(Kind::Int).unwrap_or_else(|| "0".into());
            let k = self.rng.range(0, 40);
            let e = self.num_expr(2);
            self.line(&format!("if {i} % 41 == {k}:"));
            self.indent += 1;
            self.line(&format!("print('at', {i}, {e})"));
            self.indent -= 1;
            return;
        }
        let n = self.rng.range(1, 3);
        let mut items = Vec::new();
        for _ in 0..n {
            let e = match self.rng.below(6) {
                0 => self.int_expr(2),
                1 => self.num_expr(2),
                2 => self.str_expr(1),
                3 => self.var_of(Kind::Any).unwrap_or_else(|| self.int_expr(1)),
                4 => match self.var_of(Kind::List) {
                    Some(l) => format!("{l}[:6]"),
                    None => self.int_expr(1),
                },
                _ => self.var_of(Kind::Int).unwrap_or_else(|| "0".into()),
            };
            items.push(e);
        }
        if self.chance(20) {
            self.line(&format!("print({}, sep='|')", items.join(", ")));
        } else {
            self.line(&format!("print({})", items.join(", ")));
        }
    }

    /// Print every variable (what the program computed).
    fn dump_vars(&mut self) {
        let vars = self.vars.clone();
        for v in vars {
            match v.kind {
                Kind::List => self.line(&format!("print('{0}', {0}[:8], len({0}))", v.name)),
                Kind::Dict => self.line(&format!("print('{0}', sorted({0}.items()))", v.name)),
                Kind::Obj(c) => {
                    let attrs: Vec<String> = self.classes[c]
                        .attrs
                        .iter()
                        .map(|a| format!("{}.{a}", v.name))
                        .collect();
                    self.line(&format!(
                        "print('{0}', type({0}).__name__, {1})",
                        v.name,
                        attrs.join(", ")
                    ))
                }
                _ => self.line(&format!("print('{0}', repr({0}))", v.name)),
            }
        }
    }

    // ---------------------------------------------------------------- program structure

    fn module(&mut self, seed: u64) {
        self.line(&format!("# pvm difftest program, seed {seed}"));
        self.line("import math");
        self.out.push_str(PRELUDE);
        // Module constants (read as globals in functions).
        for _ in 0..self.rng.range(1, 3) {
            let c = self.fresh("K");
            let v = self.int_lit();
            self.line(&format!("{c} = {v}"));
            self.consts.push(c);
        }
        if self.chance(50) {
            let c = self.fresh("G");
            self.line(&format!("{c} = 0"));
            self.counter = Some(c);
        }
        for _ in 0..self.rng.range(0, 2) {
            let e = self.fresh("E");
            let base = self
                .rng
                .pick(&["Exception", "ValueError", "ArithmeticError"]);
            self.line(&format!("class {e}({base}):"));
            self.indent += 1;
            self.line("pass");
            self.indent -= 1;
            self.excs.push(e);
        }
        for _ in 0..self.rng.range(0, 3) {
            self.class_def();
        }
        for _ in 0..self.rng.range(1, 4) {
            self.func_def();
        }
        self.main_def();
        self.line("");
        if self.chance(15) {
            // Some code at module level too (the interpreter's LoadName/StoreName paths).
            self.vars.clear();
            self.loop_depth = 0;
            self.block_depth = 0;
            self.budget = 6;
            self.in_function = false;
            self.counter_ok = self.counter.is_some();
            let v = self.fresh("v");
            let x = self.int_lit();
            self.line(&format!("{v} = {x}"));
            self.vars.push(Var {
                name: v.clone(),
                kind: Kind::Int,
            });
            while self.budget > 0 {
                self.stmt();
            }
            self.line(&format!("print('module', {v})"));
        }
        self.line("main()");
        if let Some(c) = self.counter.clone() {
            self.line(&format!("print('{c}', {c})"));
        }
    }

    fn class_def(&mut self) {
        let idx = self.classes.len();
        let name = self.fresh("C");
        let base = if idx > 0 && self.chance(50) {
            Some(self.rng.below(idx as u64) as usize)
        } else {
            None
        };
        let mut attrs: Vec<String> = match base {
            Some(b) => self.classes[b].attrs.clone(),
            None => Vec::new(),
        };
        let own = self.fresh("a");
        attrs.push(own.clone());
        let header = match base {
            Some(b) => format!("class {name}({}):", self.classes[b].name),
            None => format!("class {name}:"),
        };
        self.line(&header);
        self.indent += 1;
        // __init__(self, p, q=...) sets every attribute.
        self.line("def __init__(self, p=1, q=2):");
        self.indent += 1;
        match base {
            Some(b) => {
                let _ = b;
                self.line("super().__init__(p, q)");
            }
            None => {}
        }
        let init = self.rng.pick(&["p", "q", "p + q", "p * 3 - q", "0"]);
        self.line(&format!("self.{own} = {init}"));
        self.indent -= 1;
        // step(self, x) -> int, overridden in subclasses (polymorphic call sites).
        self.line("def step(self, x):");
        self.indent += 1;
        let a = self.rng.pick(&attrs);
        let m = self.modulus();
        let body = self.rng.pick(&[
            format!("self.{a} = (self.{a} + x) % {m}"),
            format!("self.{a} = (self.{a} * 3 + x) % {m}"),
            format!("self.{a} = (self.{a} ^ x) % {m}"),
        ]);
        self.line(&body);
        if base.is_some() && self.chance(50) {
            self.line(&format!("return super().step(x) + self.{a}"));
        } else {
            self.line(&format!("return self.{a}"));
        }
        self.indent -= 1;
        self.line("def describe(self):");
        self.indent += 1;
        self.line(&format!(
            "return '{name}(' + ', '.join(str(getattr(self, n)) for n in {attrs:?}) + ')'"
        ));
        self.indent -= 1;
        self.indent -= 1;
        self.classes.push(Class { name, base, attrs });
    }

    fn func_def(&mut self) {
        let name = self.fresh("f");
        let params = self.rng.range(1, 3) as usize;
        let pnames: Vec<String> = (0..params).map(|i| format!("p{i}")).collect();
        let kind = self.rng.below(10);
        self.vars = pnames
            .iter()
            .map(|p| Var {
                name: p.clone(),
                kind: Kind::Int,
            })
            .collect();
        self.loop_depth = 0;
        self.block_depth = 0;
        self.in_function = true;
        self.in_func_body = true;
        self.counter_ok = false;
        self.line(&format!("def {name}({}):", pnames.join(", ")));
        self.indent += 1;
        let func = match kind {
            // Recursive: bounded depth through the first parameter.
            0 | 1 => {
                let saved = std::mem::take(&mut self.funcs);
                let p = &pnames[0];
                let rest: Vec<String> = pnames[1..].iter().map(|q| format!("{q} + 1")).collect();
                let mut args = vec![format!("{p} - 1")];
                args.extend(rest);
                self.line(&format!("if {p} <= 0 or {p} > 25:"));
                self.indent += 1;
                let base = self.int_expr(1);
                self.line(&format!("return {base}"));
                self.indent -= 1;
                let combine = self.int_expr(1);
                let m = self.modulus();
                self.line(&format!(
                    "return ({name}({}) + {combine}) % {m}",
                    args.join(", ")
                ));
                self.funcs = saved;
                Func {
                    name: name.clone(),
                    params,
                    ret: Kind::Int,
                    raises: false,
                    generator: false,
                    leaf: false,
                }
            }
            // A generator of ints.
            2 => {
                let i = self.fresh("i");
                self.line(&format!("for {i} in range(abs({}) % 12):", pnames[0]));
                self.indent += 1;
                self.vars.push(Var {
                    name: i,
                    kind: Kind::Int,
                });
                let e = self.int_expr(2);
                self.line(&format!("yield {e}"));
                self.indent -= 1;
                Func {
                    name: name.clone(),
                    params,
                    ret: Kind::Int,
                    raises: false,
                    generator: true,
                    leaf: false,
                }
            }
            _ => {
                let ret = if self.chance(60) {
                    Kind::Int
                } else {
                    Kind::Num
                };
                let raises = self.chance(25);
                if let (true, Some(c)) = (self.chance(30), self.counter.clone()) {
                    self.line(&format!("global {c}"));
                    self.counter_ok = true;
                }
                let body_start = self.out.len();
                self.budget = self.rng.range(1, 6);
                let t = self.try_depth;
                self.try_depth = 0;
                while self.budget > 0 {
                    self.stmt();
                }
                if raises {
                    let c = self.bool_expr(1);
                    self.line(&format!("if {c}:"));
                    self.indent += 1;
                    let e = if self.excs.is_empty() || self.chance(30) {
                        "ZeroDivisionError".to_string()
                    } else {
                        self.rng.pick(&self.excs.clone())
                    };
                    let v = self.int_expr(1);
                    self.line(&format!("raise {e}({v})"));
                    self.indent -= 1;
                }
                self.try_depth = t;
                let e = self.expr_of(ret, 3);
                self.line(&format!("return {e}"));
                let body = &self.out[body_start..];
                let leaf = !body.contains("for ")
                    && !body.contains("while ")
                    && !self
                        .funcs
                        .iter()
                        .any(|f| body.contains(&format!("{}(", f.name)));
                Func {
                    name: name.clone(),
                    params,
                    ret,
                    raises,
                    generator: false,
                    leaf,
                }
            }
        };
        self.indent -= 1;
        self.in_func_body = false;
        self.counter_ok = false;
        self.funcs.push(func);
    }

    fn main_def(&mut self) {
        self.vars.clear();
        self.loop_depth = 0;
        self.block_depth = 0;
        self.in_function = true;
        self.line("def main():");
        self.indent += 1;
        if let Some(c) = self.counter.clone() {
            self.line(&format!("global {c}"));
            self.counter_ok = true;
        }
        // A few variables of every kind up front.
        for _ in 0..self.rng.range(2, 5) {
            self.new_var();
        }
        let v = self.fresh("v");
        self.line(&format!("{v} = 0"));
        self.vars.push(Var {
            name: v,
            kind: Kind::Int,
        });
        self.budget = self.rng.range(8, 30);
        while self.budget > 0 {
            self.stmt();
        }
        self.dump_vars();
        self.indent -= 1;
    }
}
