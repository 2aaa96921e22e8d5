namespace Exchange.Testing.Synthetic;

/// <summary>Common surnames and given-name characters, combined at random into 2- or 3-character names.</summary>
internal static class ChineseNames
{
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string GivenNameCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯健俊帆帅旭宁龙林欣佳怡梓涵子轩诗雨萱晨博睿思一诺可馨瑶琪雪婷颖慧敬安泽天然嘉晓亮鹏飞鑫宏志海波峰鸣昊晗彤梦若依语嫣乐菲蕾琳璐露蓉倩薇妍悦雯懿铭宸奕哲翔瑞豪航锦逸景阳熙皓远越彬峻晖曦淼萌蕊芮芸莹茜岚清澜韵婉舒月星辰蓓欢乔希熠煜烨灿鸿运成功振兴国庆家福德仁义礼智信正毅坚诚卓立君昕昱昭晴雅琦瑾瑜璇琛瑄珂珊珍玥松柏桐楠枫岩峥朗钰锐韬瀚泓沐";

    public static int SurnameCount => Surnames.Length;

    public static int GivenNameCharacterCount => GivenNameCharacters.Length;

    public static string Next(Random random)
    {
        // About a third of given names have one character, the rest two.
        var givenLength = random.Next(3) == 0 ? 1 : 2;
        Span<char> name = stackalloc char[3];
        name[0] = Surnames[random.Next(Surnames.Length)];
        for (var i = 1; i <= givenLength; i++)
        {
            name[i] = GivenNameCharacters[random.Next(GivenNameCharacters.Length)];
        }

        return new string(name[..(givenLength + 1)]);
    }
}
