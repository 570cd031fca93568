# An incremental one-way dataflow constraint solver in the style of
# DeltaBlue: constraints carry strengths, the planner keeps a walkabout
# strength per variable and re-plans incrementally when constraints come and go.
import sys

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 55
SIZE = 1000

# Strength levels: smaller number = stronger.
REQUIRED = 0
STRONG_PREFERRED = 1
PREFERRED = 2
STRONG_DEFAULT = 3
NORMAL = 4
WEAK_DEFAULT = 5
WEAKEST = 6

NONE = 0
FORWARD = 1
BACKWARD = 2


def stronger(a, b):
    return a < b


def weaker(a, b):
    return a > b


def weakest_of(a, b):
    return a if a > b else b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints = [x for x in self.constraints if x is not c]
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def is_input(self):
        return False

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        Constraint.__init__(self, planner, strength)
        self.var = var
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.var.mark != mark and stronger(self.strength, self.var.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        self.var.walk_strength = self.strength
        self.var.stay = not self.is_input()
        if self.var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        self.var.remove_constraint(self)
        self.satisfied = False


class StayConstraint(UnaryConstraint):
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, a, b, strength):
        Constraint.__init__(self, planner, strength)
        self.a = a
        self.b = b
        self.direction = NONE
        self.install()

    def add_to_graph(self):
        self.a.add_constraint(self)
        self.b.add_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        a = self.a
        b = self.b
        if a.mark == mark:
            if b.mark != mark and stronger(self.strength, b.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
        elif b.mark == mark:
            if a.mark != mark and stronger(self.strength, a.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif weaker(a.walk_strength, b.walk_strength):
            self.direction = BACKWARD if stronger(self.strength, a.walk_strength) else NONE
        else:
            self.direction = FORWARD if stronger(self.strength, b.walk_strength) else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def recalculate(self):
        src = self.input()
        dst = self.output()
        dst.walk_strength = weakest_of(self.strength, src.walk_strength)
        dst.stay = src.stay
        if dst.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        src = self.input()
        return src.mark == mark or src.stay or src.determined_by is None

    def remove_from_graph(self):
        self.a.remove_constraint(self)
        self.b.remove_constraint(self)
        self.direction = NONE


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """b = a * scale + offset (forward) or a = (b - offset) / scale."""

    def __init__(self, planner, a, scale, offset, b, strength):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, planner, a, b, strength)

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recalculate(self):
        src = self.input()
        dst = self.output()
        dst.walk_strength = weakest_of(self.strength, src.walk_strength)
        dst.stay = src.stay and self.scale.stay and self.offset.stay
        if dst.stay:
            self.execute()


class Plan:
    def __init__(self):
        self.steps = []

    def execute(self):
        for c in self.steps:
            c.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        for level in range(REQUIRED, WEAKEST):
            for u in unsatisfied:
                if u.strength == level:
                    self.incremental_add(u)

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, v, coll):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                coll.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            c = todo.pop()
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.steps.append(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_for_edits(self, edits):
        return self.make_plan([c for c in edits if c.is_input() and c.is_satisfied()])


def chain_test(n):
    planner = Planner()
    vars_ = [Variable("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        EqualityConstraint(planner, vars_[i], vars_[i + 1], REQUIRED)
    first = vars_[0]
    last = vars_[n]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for_edits([edit])
    bad = 0
    total = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            bad += 1
        total += last.value
    edit.destroy()
    return bad, total


def change(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_for_edits([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = None
    dst = None
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    bad = 0
    change(planner, src, 17)
    if dst.value != 1170:
        bad += 1
    change(planner, dst, 1050)
    if src.value != 5:
        bad += 1
    change(planner, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            bad += 1
    change(planner, offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            bad += 1
    checksum = 0
    for d in dests:
        checksum = (checksum * 31 + d.value) % 1000000007
    return bad, checksum, planner.current_mark


def main():
    bad = 0
    acc = 0
    for r in range(ROUNDS):
        b, total = chain_test(SIZE + r)
        bad += b
        acc += total
        b, checksum, marks = projection_test(SIZE + r)
        bad += b
        acc = (acc * 7 + checksum + marks) % 1000000007
    print("failures", bad)
    print("checksum", acc)


main()
