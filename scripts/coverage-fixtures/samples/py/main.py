from shapes import area, perimeter

print(area("square", 2), area("triangle", 1), perimeter("square", 3))
