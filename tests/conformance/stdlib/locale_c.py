import locale
print(locale.setlocale(locale.LC_ALL, None) in ('C', 'C.UTF-8', 'POSIX') or True)
print(locale.setlocale(locale.LC_ALL, 'C'))
conv = locale.localeconv()
print(conv['decimal_point'], repr(conv['thousands_sep']), conv['grouping'], repr(conv['currency_symbol']))
print(locale.format_string('%d items', 1234567), locale.format_string('%.2f', 1234.5, grouping=True))
print(locale.str(3.25), locale.atof('3.5'), locale.atoi('42'), locale.delocalize('1234.5'))
print(locale.currency(5, symbol=False) if conv['frac_digits'] != 127 else 'no currency')
print(locale.getlocale(locale.LC_NUMERIC), locale.normalize('C'))
print(locale.strcoll('a', 'b') < 0, locale.strxfrm('abc'))
print(locale.LC_CTYPE != locale.LC_NUMERIC, isinstance(locale.CHAR_MAX, int))
print(locale.localize('1234.5'), locale.format_string('%s and %d', ('x', 5)))
try:
    locale.setlocale(locale.LC_ALL, 'xx_NOPE.bogus')
except locale.Error as e:
    print('locale.Error', e)

