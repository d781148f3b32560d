#!/bin/sh
# The attachments of corpus/, written by the project in its own words
# (a notice as a PDF of two pages, a DOCX with a table, an OFD): what a
# government site puts beside its HTML pages.  Deterministic, so that
# tests/e2e/t04-generated.sh can check the committed files are these.
#
#     scripts/gen-corpus-attachments.sh DIR
set -eu
dir=${1:?usage: gen-corpus-attachments.sh DIR}
here=$(dirname "$0")

HEADER='鄂州市科学技术局文件' CREATED=20240318 python3 "$here/gen-pdf.py" \
    "$dir/005_attachment_notice.pdf" '关于开展科技企业孵化器绩效评价工作的通知' \
    '关于开展科技企业孵化器绩效评价工作的通知|各区科技主管部门，各孵化载体：|为掌握全市科技企业孵化器运行情况，引导孵化载体提升专业化服务能力，|经研究，决定开展2024年度孵化器绩效评价工作。现将有关事项通知如下。|一、评价对象。在本市注册、运营满一年的科技企业孵化器和众创空间，均应参加|本次评价，评价结果作为市级资金支持和载体升级推荐的重要依据，并' \
    '向社会公开。二、评价内容。重点评价孵化场地使用率、在孵企业数量、毕业企业|数量、专业服务人员配备和投融资服务开展情况。三、时间安排。请各单位于2024年4月30日前报|送自评材料。|鄂州市科学技术局|2024年3月15日'
CREATED=2024-03-20 python3 "$here/gen-office.py" docx "$dir/006_attachment_list.docx" \
    '2024年度市级众创空间拟备案名单' \
    '2024年度市级众创空间拟备案名单' \
    '根据《鄂州市众创空间备案管理办法》，经材料审核和现场核查，拟将以下众创空间纳入市级备案管理，现予以公示。' \
    '序号 | 众创空间名称 | 运营单位 | 所在区' \
    '1 | 梧桐湖青年创客空间 | 鄂州梧桐湖创业服务有限公司 | 梁子湖区' \
    '2 | 葛店光电子众创空间 | 葛店开发区科技服务中心 | 葛店开发区' \
    '公示期为2024年3月20日至3月26日。如有异议，请在公示期内向市科学技术局反映。' \
    '鄂州市科学技术局' '2024年3月20日'
HEADER='荆州经济技术开发区管理委员会' CREATED=2023-01-12 python3 "$here/gen-office.py" ofd \
    "$dir/007_attachment_plan.ofd" '荆州经开区科技成果转化工作方案' \
    '荆州经开区科技成果转化工作方案|为加快科技成果在园区落地转化，推动创新链与产业链深度融合，结合开发区实际，制定本方案。|一、工作目标。到2025年，建成科技成果转化中试基地2个，培育技术经纪人50名，' \
    '实现技术合同成交额20亿元以上。二、主要措施。支持企业与高校院所共建联合实验室，完善成果评价和收益分配机制。|荆州经济技术开发区管理委员会|2023年1月10日'
