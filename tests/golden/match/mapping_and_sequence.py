# Mapping patterns with **rest, sequence patterns with *rest, literal and capture mixes.
def handle(msg):
    match msg:
        case {"type": "move", "to": [x, y], **rest}:
            return f"move to {x},{y} extra={rest}"
        case {"type": "say", "text": str(t)}:
            return f"say {t!r}"
        case [first, *middle, last]:
            return f"seq {first}..{last} ({len(middle)} between)"
        case []:
            return "empty"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case None:
            return "none"
        case _:
            return "?"
for m in ({"type": "move", "to": [1, 2], "speed": 3}, {"type": "say", "text": "hi"},
          {"type": "say", "text": 5}, [1, 2, 3, 4], (9, 8), [], 2, None, "abc"):
    print(handle(m))
