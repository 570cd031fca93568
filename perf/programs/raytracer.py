# A small recursive ray tracer: spheres and a checkered plane, point lights,
# diffuse + specular shading, hard shadows and mirror reflections.
import sys
import math

WIDTH = int(sys.argv[1]) if len(sys.argv) > 1 else 290
HEIGHT = WIDTH * 3 // 4
MAX_DEPTH = 3
EPSILON = 1e-7


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vec(self.y * o.z - self.z * o.y,
                   self.z * o.x - self.x * o.z,
                   self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        inv = 1.0 / self.length()
        return Vec(self.x * inv, self.y * inv, self.z * inv)

    def reflect(self, n):
        return self - n * (2.0 * self.dot(n))


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, o):
        return Color(self.r + o.r, self.g + o.g, self.b + o.b)

    def scale(self, k):
        return Color(self.r * k, self.g * k, self.b * k)

    def tint(self, o):
        return Color(self.r * o.r, self.g * o.g, self.b * o.b)

    def to_bytes(self):
        return (clamp_byte(self.r), clamp_byte(self.g), clamp_byte(self.b))


BLACK = Color(0.0, 0.0, 0.0)
BACKGROUND = Color(0.05, 0.07, 0.12)


def clamp_byte(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, a, b, size, diffuse, specular, shininess, reflect):
        Material.__init__(self, a, diffuse, specular, shininess, reflect)
        self.other = b
        self.size = size

    def color_at(self, point):
        cx = math.floor(point.x / self.size)
        cz = math.floor(point.z / self.size)
        return self.color if (cx + cz) % 2 == 0 else self.other


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, normal, offset, material):
        self.normal = normal.norm()
        self.offset = offset
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = -(self.normal.dot(ray.origin) + self.offset) / denom
        return t if t > EPSILON else None

    def normal_at(self, p):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, target, up, fov_deg, width, height):
        self.eye = eye
        self.forward = (target - eye).norm()
        self.right = self.forward.cross(up).norm()
        self.up = self.right.cross(self.forward)
        half = math.tan(math.radians(fov_deg) / 2.0)
        self.half_w = half
        self.half_h = half * height / width
        self.width = width
        self.height = height

    def ray_for(self, px, py):
        u = (2.0 * (px + 0.5) / self.width - 1.0) * self.half_w
        v = (1.0 - 2.0 * (py + 0.5) / self.height) * self.half_h
        d = self.forward + self.right * u + self.up * v
        return Ray(self.eye, d.norm())


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []

    def closest(self, ray):
        best_t = None
        best_obj = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best_obj = obj
        return best_obj, best_t

    def shadowed(self, point, light_dir, light_dist):
        ray = Ray(point, light_dir)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < light_dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.closest(ray)
        if obj is None:
            return BACKGROUND
        point = ray.origin + ray.direction * t
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        mat = obj.material
        base = mat.color_at(point)
        result = base.scale(0.1)
        lift = point + normal * 1e-4
        for light in self.lights:
            to_light = light.position - point
            dist = to_light.length()
            ldir = to_light * (1.0 / dist)
            if self.shadowed(lift, ldir, dist):
                continue
            lambert = normal.dot(ldir)
            if lambert > 0.0:
                result = result + base.tint(light.color).scale(lambert * mat.diffuse)
            refl = ldir.reflect(normal)
            spec = refl.dot(ray.direction)
            if spec > 0.0:
                result = result + light.color.scale(mat.specular * spec ** mat.shininess)
        if depth < MAX_DEPTH and mat.reflect > 0.0:
            rdir = ray.direction.reflect(normal)
            bounce = self.trace(Ray(lift, rdir), depth + 1)
            result = result + bounce.scale(mat.reflect)
        return result


def build_scene():
    s = Scene()
    s.objects.append(Plane(Vec(0.0, 1.0, 0.0), 0.0,
                           Checker(Color(0.9, 0.9, 0.9), Color(0.1, 0.1, 0.1), 1.0,
                                   0.8, 0.2, 10, 0.3)))
    s.objects.append(Sphere(Vec(0.0, 1.0, 0.0), 1.0,
                            Material(Color(0.8, 0.2, 0.2), 0.7, 0.6, 40, 0.3)))
    s.objects.append(Sphere(Vec(-2.2, 0.7, 1.0), 0.7,
                            Material(Color(0.2, 0.8, 0.3), 0.8, 0.3, 20, 0.1)))
    s.objects.append(Sphere(Vec(2.0, 0.9, -0.5), 0.9,
                            Material(Color(0.3, 0.4, 0.9), 0.5, 0.9, 80, 0.5)))
    s.objects.append(Sphere(Vec(0.6, 0.35, 2.0), 0.35,
                            Material(Color(0.9, 0.8, 0.2), 0.9, 0.4, 30, 0.0)))
    s.lights.append(Light(Vec(-5.0, 6.0, 5.0), Color(0.8, 0.8, 0.8)))
    s.lights.append(Light(Vec(4.0, 4.0, 6.0), Color(0.4, 0.35, 0.3)))
    return s


def main():
    scene = build_scene()
    cam = Camera(Vec(0.0, 2.2, 6.5), Vec(0.0, 0.8, 0.0), Vec(0.0, 1.0, 0.0), 55.0, WIDTH, HEIGHT)
    checksum = 0
    total = [0, 0, 0]
    for y in range(HEIGHT):
        for x in range(WIDTH):
            r, g, b = scene.trace(cam.ray_for(x, y), 0).to_bytes()
            total[0] += r
            total[1] += g
            total[2] += b
            checksum = (checksum * 1000003 + (r << 16 | g << 8 | b)) & 0xFFFFFFFFFFFF
    print(WIDTH, HEIGHT)
    print("sum", total[0], total[1], total[2])
    print("hash", checksum)


main()
