WHO = "portion one"
