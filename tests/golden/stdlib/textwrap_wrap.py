# textwrap: wrap/fill/shorten with TextWrapper options, dedent and indent.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "A well-known, hyphen-separated phrase; supercalifragilisticexpialidocious words too.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 40))
print(textwrap.fill(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 15, break_on_hyphens=False))
print(textwrap.shorten(text, 40), "|", textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten(text, 30, placeholder="..."))
print(textwrap.wrap(text, 20, max_lines=2))
print(textwrap.wrap("a\tb\nc  d", 5), textwrap.wrap("", 10), textwrap.wrap("   ", 10))
w = textwrap.TextWrapper(width=20, fix_sentence_endings=True)
print(w.wrap("End here. Next one? Yes! ok."))
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.dedent("  x\n\ty\n")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n b", "+", lambda l: True)))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError", e)
