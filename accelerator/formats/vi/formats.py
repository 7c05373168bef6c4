# Vietnamese: 1.234.567,5 and 07/01/2027 — Django's own module has the separators but no
# grouping, and a long date ("Ngày 07 tháng 1 năm 2027") that reads badly inside a sentence.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = r"H:i \n\g\à\y d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
