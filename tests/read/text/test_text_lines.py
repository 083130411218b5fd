from yusuan.read.text import split_lines


def test_cells_split_at_tabs_with_line_numbers() -> None:
    lines = split_lines("f.txt", "标题\n\n201\t一般公共服务支出\t293. 07\r\n")
    assert [line.cells for line in lines] == [("标题",), ("",), ("201", "一般公共服务支出", "293. 07"), ("",)]
    assert [line.source.line for line in lines] == [1, 2, 3, 4]
    assert all(line.source.file == "f.txt" for line in lines)
    assert lines[1].is_blank and not lines[2].is_blank
