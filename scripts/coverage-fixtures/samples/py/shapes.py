def area(kind, size):
    if kind == "square":
        return size * size
    elif kind == "circle":
        return 3.14159 * size * size
    return None


def perimeter(kind, size):
    if kind == "square":
        return 4 * size
    return None
