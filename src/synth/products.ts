/**
 * The product shelf: one list for every bank size. Ratings follow the usual Chinese bank
 * practice: deposits and savings bonds R1, fixed-income wealth R2, "fixed income plus" R3,
 * equity funds R4–R5, private equity and securities private funds R5. Minimums in yuan here,
 * converted to fen once.
 */
export type Category = 'demand_deposit' | 'time_deposit' | 'wealth' | 'fund' | 'insurance' | 'gold' | 'bond' | 'trust';
export type AssetClass = 'cash' | 'fixed_income' | 'equity' | 'alternative' | 'protection';

export interface Product {
  productId: string;
  name: string;
  category: Category;
  assetClass: AssetClass;
  /** 1…5 for R1…R5 */
  risk: number;
  minPurchaseFen: bigint | null;
  termDays: number | null;
  isKey: boolean;
}

// id | name | category | asset class | risk | min yuan (- none) | term days (- open) | key (*)
const SHELF = `
DD01|个人活期储蓄|demand_deposit|cash|1|-|-|
DD02|薪享通活期账户|demand_deposit|cash|1|-|-|
TD01|整存整取三个月|time_deposit|fixed_income|1|50|91|
TD02|整存整取六个月|time_deposit|fixed_income|1|50|182|
TD03|整存整取一年|time_deposit|fixed_income|1|50|365|
TD04|整存整取二年|time_deposit|fixed_income|1|50|730|
TD05|整存整取三年|time_deposit|fixed_income|1|50|1095|*
TD06|整存整取五年|time_deposit|fixed_income|1|50|1825|
TD07|个人大额存单一年期|time_deposit|fixed_income|1|200000|365|*
TD08|个人大额存单三年期|time_deposit|fixed_income|1|200000|1095|*
TD09|七天通知存款|time_deposit|cash|1|50000|7|
TD10|零存整取一年|time_deposit|fixed_income|1|5|365|
WM01|天天利现金管理理财|wealth|cash|1|1|-|*
WM02|周周盈7天理财|wealth|cash|2|1|7|
WM03|稳享固收90天|wealth|fixed_income|2|10000|90|
WM04|稳享固收180天|wealth|fixed_income|2|10000|180|
WM05|稳享固收一年|wealth|fixed_income|2|10000|365|*
WM06|固收增强一年持有|wealth|fixed_income|3|10000|365|*
WM07|安享两年封闭|wealth|fixed_income|2|10000|730|
WM08|多元配置一年持有|wealth|equity|3|10000|365|
WM09|权益精选开放式|wealth|equity|4|10000|-|
WM10|颐养五年养老理财|wealth|fixed_income|2|1|1825|*
WM11|私行尊享固收一年|wealth|fixed_income|2|1000000|365|
WM12|私行尊享多策略两年|wealth|equity|4|1000000|730|
FD01|货币市场基金A|fund|cash|1|1|-|
FD02|短债债券基金|fund|fixed_income|2|10|-|
FD03|纯债债券基金|fund|fixed_income|2|10|-|
FD04|二级债券基金|fund|fixed_income|3|10|-|
FD05|偏债混合基金|fund|equity|3|10|-|
FD06|灵活配置混合基金|fund|equity|4|10|-|*
FD07|偏股混合基金|fund|equity|4|10|-|
FD08|沪深300指数基金|fund|equity|4|10|-|*
FD09|中证500指数增强基金|fund|equity|4|10|-|
FD10|科技创新股票基金|fund|equity|5|10|-|
FD11|医药健康股票基金|fund|equity|5|10|-|
FD12|全球科技QDII基金|fund|equity|5|100|-|
FD13|黄金ETF联接基金|fund|alternative|4|10|-|
FD14|基础设施REITs基金|fund|alternative|4|1000|-|
IN01|增额终身寿险|insurance|protection|2|10000|-|*
IN02|鑫享年金保险|insurance|protection|2|20000|3650|
IN03|安康重大疾病保险|insurance|protection|1|5000|-|
IN04|福享五年两全保险|insurance|protection|2|10000|1825|
IN05|分红型终身寿险|insurance|protection|2|50000|-|
IN06|稳盈万能保险|insurance|protection|2|10000|-|
IN07|尊享高端医疗保险|insurance|protection|1|10000|365|
GD01|积存金|gold|alternative|3|500|-|*
GD02|投资金条50克|gold|alternative|2|25000|-|
GD03|生肖纪念金币|gold|alternative|2|3000|-|
BD01|储蓄国债凭证式三年|bond|fixed_income|1|100|1095|*
BD02|储蓄国债电子式五年|bond|fixed_income|1|100|1825|
BD03|柜台记账式国债两年|bond|fixed_income|1|100|730|
BD04|柜台地方政府债三年|bond|fixed_income|2|100|1095|
BD05|柜台政策性金融债三年|bond|fixed_income|2|100|1095|
TR01|集合资金信托稳健一号|trust|fixed_income|3|1000000|730|
TR02|集合资金信托安盈二号|trust|fixed_income|4|1000000|540|
TR03|家族信托|trust|alternative|3|10000000|3650|*
TR04|券商集合资产管理计划|trust|equity|4|300000|365|
TR05|私募证券投资基金|trust|equity|5|1000000|-|
TR06|私募股权投资基金|trust|alternative|5|1000000|1825|
`;

export const PRODUCTS: readonly Product[] = SHELF.trim()
  .split('\n')
  .map((l) => {
    const [productId, name, category, assetClass, risk, min, term, key] = l.split('|') as [
      string,
      string,
      Category,
      AssetClass,
      string,
      string,
      string,
      string,
    ];
    return {
      productId,
      name,
      category,
      assetClass,
      risk: Number(risk),
      minPurchaseFen: min === '-' ? null : BigInt(min) * 100n,
      termDays: term === '-' ? null : Number(term),
      isKey: key === '*',
    };
  });

export const productsIn = (category: Category): Product[] => PRODUCTS.filter((p) => p.category === category);
