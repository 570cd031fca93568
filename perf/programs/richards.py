# A small operating-system-style task scheduler (in the spirit of the
# classic "Richards" benchmark): an idle task, a worker, two handlers and two
# devices trade packets through priority-ordered task queues.
import sys

ITERATIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 45

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
NUM_TASKS = 6
KIND_DEVICE = 0
KIND_WORK = 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, head):
        self.link = None
        if head is None:
            return self
        node = head
        while node.link is not None:
            node = node.link
        node.link = self
        return head


class Task:
    def __init__(self, kernel, ident, priority, queue):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None
        self.waiting = queue is not None
        self.held = False
        self.next_task = kernel.task_list
        kernel.task_list = self
        kernel.table[ident] = self

    def blocked(self):
        return self.held or (self.waiting and not self.pending)

    def take_packet(self):
        pkt = self.queue
        self.queue = pkt.link
        self.pending = self.queue is not None
        self.waiting = False
        return pkt

    def receive(self, pkt, sender):
        # Returns the task that should run next.
        if self.queue is None:
            self.queue = pkt
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return sender

    # --- kernel services, each returns the next task to run ---
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.kernel.hold_count += 1
        self.held = True
        return self.next_task

    def release(self, ident):
        other = self.kernel.table[ident]
        other.held = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, pkt):
        self.kernel.packet_count += 1
        target = self.kernel.table[pkt.dest]
        pkt.link = None
        pkt.dest = self.ident
        return target.receive(pkt, self)


class IdleTask(Task):
    def __init__(self, kernel, ident, priority, queue, count):
        Task.__init__(self, kernel, ident, priority, queue)
        self.control = 1
        self.count = count
        self.waiting = False

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1:
            self.control = (self.control >> 1) ^ 0xD008
            return self.release(DEVICE_B)
        self.control >>= 1
        return self.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.target = HANDLER_A
        self.letter = 0

    def run(self, pkt):
        if pkt is None:
            return self.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        pkt.dest = self.target
        pkt.datum = 0
        data = pkt.data
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.send(pkt)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n >= DATA_SIZE:
                self.work = work.link
                return self.send(work)
            dev = self.devices
            if dev is not None:
                self.devices = dev.link
                dev.datum = work.data[n]
                work.datum = n + 1
                return self.send(dev)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.stored = None
        self.waiting = True
        self.checksum = 0

    def run(self, pkt):
        if pkt is None:
            stored = self.stored
            if stored is None:
                return self.wait()
            self.stored = None
            return self.send(stored)
        self.stored = pkt
        self.checksum = (self.checksum * 7 + pkt.datum) % 1000003
        return self.hold()


class Kernel:
    def __init__(self):
        self.task_list = None
        self.table = [None] * NUM_TASKS
        self.hold_count = 0
        self.packet_count = 0

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.blocked():
                task = task.next_task
                continue
            pkt = None
            if task.waiting and task.pending:
                pkt = task.take_packet()
            task = task.run(pkt)


def run_once(idle_count):
    k = Kernel()
    IdleTask(k, IDLE, 0, None, idle_count)

    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkerTask(k, WORKER, 1000, q)

    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(k, HANDLER_A, 2000, q)

    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(k, HANDLER_B, 3000, q)

    DeviceTask(k, DEVICE_A, 4000, None)
    DeviceTask(k, DEVICE_B, 5000, None)

    k.schedule()
    return k.packet_count, k.hold_count, k.table[DEVICE_A].checksum, k.table[DEVICE_B].checksum


def main():
    totals = [0, 0, 0, 0]
    for it in range(ITERATIONS):
        res = run_once(10000 + it)
        for i in range(4):
            totals[i] += res[i]
    print("packets", totals[0])
    print("holds", totals[1])
    print("device checksums", totals[2], totals[3])


main()
