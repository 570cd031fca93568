print("exporter.sub imported by the star import")
