import { foldText } from '../../src/engine/read/text';
console.log(JSON.stringify(foldText('Tốt ≥ 80; Khá >= 65; Trung bình trên 50; Yếu < 50')));
