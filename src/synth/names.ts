/**
 * Word lists for people and places. Surname weights are rough population shares (per mille) so
 * that 王/李/张 dominate as they do in a real customer book; Guangdong surnames (陈, 黄, 林, 梁)
 * are weighted up because the synthetic bank sits in the Greater Bay Area.
 */
const SURNAME_TABLE = `王71 李70 张67 刘54 陈60 杨31 黄35 赵20 吴19 周19 徐15 孙15 马13 朱13 胡12 郭11 何12
林20 罗9 高9 郑10 梁12 谢8 宋7 唐7 许7 韩6 冯6 邓8 曹6 彭5 曾7 肖5 田5 董5 袁4 潘4 于4 蒋4 蔡5
余4 杜4 叶5 程4 苏4 魏3 吕3 丁3 任3 沈3 姚3 卢4 姜3 崔3 钟4 谭3 陆3 汪2 范2 金2 石2 廖3 贾2 夏2
韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶1 黎2 贺1 顾1 毛1 郝1
龚1 邵1 万1 钱1 严1 覃1 武1 戴1 莫1 孔1 向1 汤1 欧阳1 司徒1 上官1 诸葛1`;

const parsed = SURNAME_TABLE.split(/\s+/).map((e) => {
  const m = /^(\D+)(\d+)$/.exec(e)!;
  return { name: m[1]!, weight: Number(m[2]) };
});
export const SURNAMES: readonly string[] = parsed.map((p) => p.name);
export const SURNAME_WEIGHTS: readonly number[] = parsed.map((p) => p.weight);

export const GIVEN_MALE = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳博文志建国东海峰亮成晨鸣思子嘉睿泽宏振家世德永祥天毅晓立新锋正荣庆彬腾远航铭轩',
];
export const GIVEN_FEMALE = [
  ...'芳娜敏静丽艳娟霞秀玲桂英红燕梅莉兰萍婷雪琳慧洁颖倩琴晶欣怡佳雅璐瑶悦蕾薇婧萱彤妍诗梦雨思子晓小文玉美春丹淑蓉凤秋月嘉琪钰',
];

/** 6-digit administrative division codes for ID numbers: mostly Guangdong, some inland. */
export const REGION_CODES = [
  '440303',
  '440304',
  '440305',
  '440306',
  '440307',
  '440309',
  '440104',
  '440105',
  '440106',
  '440111',
  '440113',
  '441900',
  '440604',
  '440605',
  '440606',
  '440402',
  '441302',
  '441402',
  '445102',
  '440507',
  '430102',
  '430602',
  '360102',
  '450102',
  '510104',
  '420106',
  '410105',
  '350203',
  '362201',
  '460106',
];

export const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** Branches and their districts (支行). Head office sits above them. */
export const BRANCHES: readonly { city: string; districts: readonly string[] }[] = [
  { city: '深圳', districts: ['福田', '罗湖', '南山', '宝安', '龙岗', '龙华', '坪山', '光明'] },
  { city: '广州', districts: ['天河', '越秀', '海珠', '荔湾', '白云', '番禺', '黄埔', '花都'] },
  { city: '东莞', districts: ['南城', '东城', '莞城', '长安', '虎门', '松山湖', '常平', '塘厦'] },
  { city: '佛山', districts: ['禅城', '南海', '顺德', '三水', '高明', '大沥', '桂城', '乐从'] },
  { city: '珠海', districts: ['香洲', '拱北', '横琴', '斗门', '金湾', '吉大', '前山', '唐家'] },
  { city: '中山', districts: ['石岐', '东区', '西区', '火炬', '小榄', '古镇', '坦洲', '三乡'] },
  { city: '惠州', districts: ['惠城', '惠阳', '大亚湾', '博罗', '惠东', '仲恺', '江北', '淡水'] },
  { city: '江门', districts: ['蓬江', '江海', '新会', '台山', '开平', '鹤山', '恩平', '外海'] },
];

/** Street and area names for outlets (网点); the first outlet of a sub-branch is its 中心网点. */
export const OUTLET_PLACES = [
  '人民路',
  '中山路',
  '建设路',
  '解放路',
  '新华路',
  '花园城',
  '科技园',
  '体育中心',
  '会展中心',
  '滨海',
  '湖滨',
  '东门',
  '西门',
  '南门',
  '北站',
  '金融街',
  '世纪城',
  '万象城',
  '海岸城',
  '国贸',
  '文化公园',
  '大学城',
  '高新区',
  '港湾',
  '湾畔',
  '翠竹',
  '景田',
  '梅林',
  '香蜜湖',
  '车公庙',
  '东湖',
  '西湖',
  '园岭',
  '新洲',
  '水围',
  '益田',
  '华侨城',
  '前海',
  '蛇口',
  '后海',
];
